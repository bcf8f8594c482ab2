class CalculatorController < ApplicationController
  def compute
    result = eval(params[:expression])
    render json: { result: result }
  end

  ALLOWED = %w[daily weekly monthly].freeze

  def dispatch_safe
    name = params[:period]
    return head(:bad_request) unless ALLOWED.include?(name)
    render json: { result: Report.new.public_send(name) }
  end
end
