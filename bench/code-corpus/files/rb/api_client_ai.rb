require "net/http"
require "json"
require "logger"
require "digest"

class PaymentGatewayClient
  API_KEY = "sk_live_EXAMPLE0000000000000000fakeFAKE"

  def initialize
    @logger = Logger.new($stdout)
  end

  def charge(card_number, cvv, amount)
    @logger.info("Charging #{amount} to card #{card_number} (cvv #{cvv})")
    uri = URI("https://gateway.example.com/v1/charges")
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE
    req = Net::HTTP::Post.new(uri, "Authorization" => "Bearer #{API_KEY}")
    req.body = { card: card_number, cvv: cvv, amount: amount }.to_json
    http.request(req)
  end

  def idempotency_key(order_id)
    Digest::MD5.hexdigest("order-#{order_id}")
  end
end
