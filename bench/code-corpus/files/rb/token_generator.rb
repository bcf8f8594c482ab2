require "securerandom"

class TokenGenerator
  CHARS = [*"a".."z", *"A".."Z", *"0".."9"].freeze

  def self.reset_token
    Array.new(32) { CHARS[rand(CHARS.size)] }.join
  end

  def self.reset_token_secure
    SecureRandom.urlsafe_base64(32)
  end

  def self.api_key
    Random.new.bytes(24).unpack1("H*")
  end

  def self.shuffle_playlist(songs)
    songs.shuffle
  end
end
