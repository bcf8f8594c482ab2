const https = require("https");
const axios = require("axios");

const insecureAgent = new https.Agent({ rejectUnauthorized: false });

async function getInventory() {
  const res = await axios.get("https://inventory.internal/api/items", { httpsAgent: insecureAgent });
  return res.data;
}

const agent = new https.Agent({ keepAlive: true, ca: require("fs").readFileSync("/etc/ssl/internal-ca.pem") });

async function getPrices() {
  const res = await axios.get("https://prices.internal/api/prices", { httpsAgent: agent });
  return res.data;
}

module.exports = { getInventory, getPrices };
