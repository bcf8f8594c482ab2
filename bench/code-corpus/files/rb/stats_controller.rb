class StatsController < ApplicationController
  def show
    rows = ActiveRecord::Base.connection.select_all("SELECT count(*) FROM events WHERE kind = '#{params[:kind]}'")
    render json: rows.to_a
  end

  def show_safe
    sql = ActiveRecord::Base.sanitize_sql_array(["SELECT count(*) FROM events WHERE kind = ?", params[:kind]])
    rows = ActiveRecord::Base.connection.select_all(sql)
    render json: rows.to_a
  end
end
