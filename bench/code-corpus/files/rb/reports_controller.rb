class ReportsController < ApplicationController
  def column_total
    total = Invoice.calculate(:sum, params[:column])
    render json: { total: total }
  end

  def fixed_total
    total = Invoice.calculate(:sum, :amount)
    render json: { total: total }
  end

  def purge
    Invoice.delete_by("customer_ref = '#{params[:ref]}'")
    head :no_content
  end

  def purge_by_hash
    Invoice.delete_by(customer_ref: params[:ref])
    head :no_content
  end

  def export
    rows = Invoice.select(params[:fields]).limit(100)
    render json: rows
  end

  def export_fixed
    rows = Invoice.select(:id, :amount, :due_on).limit(100)
    render json: rows
  end
end
