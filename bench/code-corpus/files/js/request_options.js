const https = require("https");

function postWebhook(url, body) {
  const options = {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    rejectUnauthorized: false,
  };
  const req = https.request(url, options);
  req.end(JSON.stringify(body));
}

function postWebhookSecure(url, body) {
  const options = {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    rejectUnauthorized: true,
  };
  const req = https.request(url, options);
  req.end(JSON.stringify(body));
}

module.exports = { postWebhook, postWebhookSecure };
