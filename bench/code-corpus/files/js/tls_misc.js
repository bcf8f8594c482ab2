const https = require("https");
const { WebSocket } = require("ws");

function connectFeed() {
  return new WebSocket("wss://feed.partner.example/stream", { rejectUnauthorized: false });
}

function getStatus(cb) {
  https.get({ host: "status.internal", path: "/", checkServerIdentity: () => undefined }, cb);
}

function getStatusSafe(cb) {
  https.get({ host: "status.internal", path: "/" }, cb);
}

module.exports = { connectFeed, getStatus, getStatusSafe };
