module Api
  class OrdersController < ApplicationController
    SORTS = { "newest" => "created_at DESC", "total" => "total DESC" }.freeze

    def index
      scope = Order.where(customer_id: current_user.id)
      scope = scope.where("status = '#{params[:status]}'") if params[:status].present?
      order = SORTS.fetch(params[:sort], "created_at DESC")

      render json: scope.order(order)
    end

    def search
      term = params[:q].to_s
      render json: Order.where("reference LIKE ?", "%#{Order.sanitize_sql_like(term)}%")
    end

    def stats
      field = params[:field]
      render json: Order.pluck(Arel.sql("SUM(#{field})"))
    end

    def find_by_sql_example
      render json: Order.find_by_sql("SELECT * FROM orders WHERE note LIKE '%#{params[:note]}%'")
    end
  end
end
