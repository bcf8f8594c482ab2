require "openssl"

module VaultCipher
  def self.legacy_encrypt(key, data)
    cipher = OpenSSL::Cipher.new("DES-EDE3-CBC")
    cipher.encrypt
    cipher.key = key
    cipher.update(data) + cipher.final
  end

  def self.encrypt(key, data)
    cipher = OpenSSL::Cipher.new("AES-256-GCM")
    cipher.encrypt
    cipher.key = key
    cipher.update(data) + cipher.final
  end
end
