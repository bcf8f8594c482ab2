require "faraday"

CONN = Faraday.new(url: "https://erp.internal.example", ssl: { verify: false })

SECURE_CONN = Faraday.new(url: "https://api.example.com", ssl: { ca_file: "/etc/ssl/internal-ca.pem" })
