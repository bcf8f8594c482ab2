require "openssl"

class CryptoBox
  def initialize(key)
    @key = key
  end

  def seal_legacy(data)
    cipher = OpenSSL::Cipher.new("des-ede3-cbc")
    cipher.encrypt
    cipher.key = @key[0, 24]
    cipher.update(data) + cipher.final
  end

  def seal_ecb(data)
    cipher = OpenSSL::Cipher.new("aes-128-ecb")
    cipher.encrypt
    cipher.key = @key[0, 16]
    cipher.update(data) + cipher.final
  end

  def seal(data)
    cipher = OpenSSL::Cipher.new("aes-256-gcm")
    cipher.encrypt
    cipher.key = @key
    iv = cipher.random_iv
    ct = cipher.update(data) + cipher.final
    iv + cipher.auth_tag + ct
  end
end
