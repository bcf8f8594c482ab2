module.exports = {
  port: 8080,
  stripeSecretKey: "sk_live_EXAMPLE0000000000000000fakeFAKE",
  logLevel: "info",
  jwtSecret: "my-super-secret-jwt-key-example-1234",
  publicUrl: "https://shop.example.com",
  sendgridKey: process.env.SENDGRID_API_KEY,
};
