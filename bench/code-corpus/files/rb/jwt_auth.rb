require "jwt"

module JwtAuth
  SECRET = ENV.fetch("JWT_SECRET")

  def self.user_id_from(token)
    payload, _header = JWT.decode(token, nil, false)
    payload["sub"]
  end

  def self.user_id_verified(token)
    payload, _header = JWT.decode(token, SECRET, true, { algorithm: "HS256" })
    payload["sub"]
  end

  def self.guest_token(id)
    JWT.encode({ sub: id }, nil, "none")
  end
end
