require "openssl"

class WebhooksController < ApplicationController
  WEBHOOK_SECRET = "whsec_EXAMPLEexampleEXAMPLEexample0123"

  def receive
    expected = OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("WEBHOOK_SECRET"), request.raw_post)
    return head(:unauthorized) unless ActiveSupport::SecurityUtils.secure_compare(expected, request.headers["X-Signature"].to_s)
    Rails.logger.info("webhook accepted: #{request.headers['X-Event-Type']}")
    head :ok
  end
end
