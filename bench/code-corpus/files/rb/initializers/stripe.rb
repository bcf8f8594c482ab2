Stripe.api_key = "sk_live_EXAMPLE0000000000000000fakeFAKE"
Stripe.api_version = "2024-06-20"

Rails.configuration.x.sendgrid_key = ENV.fetch("SENDGRID_API_KEY")
