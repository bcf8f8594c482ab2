require "openssl"

module VaultBox
  def self.legacy_cipher
    OpenSSL::Cipher::AES256.new(:ecb)
  end

  def self.cipher
    OpenSSL::Cipher::AES256.new(:gcm)
  end
end
