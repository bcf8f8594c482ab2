class ApiController < ActionController::API
  before_action :authenticate!

  private

  def authenticate!
    token = request.headers["Authorization"].to_s.split.last
    payload = JWT.decode(token, Rails.application.credentials.jwt_secret, true, algorithm: "HS256").first
    @current_user = User.find(payload["sub"])
  rescue JWT::DecodeError
    head :unauthorized
  end

  def peek_user
    token = request.headers["Authorization"].to_s.split.last
    payload = JWT.decode(token, nil, false).first
    User.find(payload["sub"])
  end
end
