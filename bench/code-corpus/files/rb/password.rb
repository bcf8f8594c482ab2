require "digest"
require "bcrypt"

module PasswordHelper
  def self.legacy_digest(password)
    Digest::MD5.hexdigest(password)
  end

  def self.digest(password)
    BCrypt::Password.create(password)
  end

  def self.asset_fingerprint(content)
    Digest::MD5.hexdigest(content)[0, 12]
  end

  def self.api_signature(secret, payload)
    Digest::SHA1.hexdigest(secret + payload)
  end
end
