const axios = require("axios");
const https = require("https");

async function fetchPartnerOrders(token) {
  const res = await axios.get("https://partner.example.com/orders", {
    headers: { Authorization: `Bearer ${token}` },
    httpsAgent: new https.Agent({ rejectUnauthorized: false }),
  });
  return res.data;
}

const tls = require("tls");
function connectRaw(host) {
  return tls.connect({ host, port: 443, rejectUnauthorized: false });
}

function connectRawSafe(host) {
  return tls.connect({ host, port: 443, servername: host });
}

module.exports = { fetchPartnerOrders, connectRaw, connectRawSafe };
