# app/controllers/sessions_controller.rb
require "digest"

class LegacySessionsController < ApplicationController
  def create
    user = User.find_by(email: params[:email])
    puts "Sign in attempt: #{params[:email]} password=#{params[:password]}"
    if user && user.password_digest == Digest::SHA1.hexdigest(params[:password])
      session[:user_id] = user.id
      cookies[:auth_token] = rand(36**20).to_s(36)
      redirect_to dashboard_path
    else
      flash.now[:alert] = "Invalid email or password"
      render :new
    end
  end
end
