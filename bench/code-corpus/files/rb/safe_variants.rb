require "securerandom"
require "openssl"

class SafeVariants
  PASSWORD_PARAM = :password

  def api_key
    ENV["PAYMENTS_API_KEY"]
  end

  def seal(key, data)
    cipher = OpenSSL::Cipher.new("chacha20-poly1305")
    cipher.encrypt
    cipher.key = key
    cipher.iv = SecureRandom.random_bytes(12)
    cipher.update(data) + cipher.final
  end

  def etag(body)
    Digest::SHA256.hexdigest(body)
  end

  def pick_tip(tips)
    tips.sample
  end

  def parse(json)
    JSON.parse(json)
  end
end
