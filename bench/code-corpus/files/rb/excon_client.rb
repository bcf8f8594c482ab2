require "excon"
require "net/http"

Excon.defaults[:ssl_verify_peer] = false

def fetch_rates
  uri = URI("https://rates.example.com/latest")
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) do |http|
    http.get(uri.request_uri).body
  end
end
