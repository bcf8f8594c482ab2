class AdminController < ApplicationController
  def search
    @users = User.where("email LIKE '%" + params[:q] + "%' OR name LIKE '%" + params[:q] + "%'")
  end

  def export
    filename = params[:filename]
    `pg_dump app_production > /tmp/#{filename}`
    send_file "/tmp/#{filename}"
  end

  def run_report
    klass = params[:report].constantize
    render json: klass.new.call
  end

  def preview
    render inline: "<h1>#{params[:title]}</h1>"
  end

  def preview_safe
    render inline: "<h1><%= title %></h1>", locals: { title: params[:title] }
  end
end
