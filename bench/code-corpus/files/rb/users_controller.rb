class UsersController < ApplicationController
  def index
    @users = User.where("name LIKE '%#{params[:q]}%'")
    render json: @users
  end

  def show
    @user = User.where("id = ?", params[:id]).first
    render json: @user
  end

  def by_email
    @user = User.find_by(email: params[:email])
    render json: @user
  end

  def sorted
    @users = User.order("#{params[:sort]} ASC")
    render json: @users
  end

  def raw
    rows = ActiveRecord::Base.connection.execute("SELECT * FROM users WHERE role = '" + params[:role] + "'")
    render json: rows.to_a
  end
end
