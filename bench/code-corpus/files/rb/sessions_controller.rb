class SessionsController < ApplicationController
  def create
    Rails.logger.info("Login attempt: #{params[:email]} / #{params[:password]}")
    user = User.find_by(email: params[:email])
    if user&.authenticate(params[:password])
      Rails.logger.info("Login ok for #{user.email}")
      session[:user_id] = user.id
      redirect_to root_path
    else
      render :new, status: :unauthorized
    end
  end

  def api_login
    token = ApiToken.issue!(current_user)
    logger.debug "issued api token #{token.secret}"
    render json: { token: token.secret }
  end
end
