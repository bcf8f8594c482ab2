const crypto = require("crypto");

function generateToken() {
  return crypto.randomBytes(32).toString("hex");
}

function sessionId() {
  return crypto.randomUUID();
}

function pickColor(colors) {
  return colors[Math.floor(Math.random() * colors.length)];
}

module.exports = { generateToken, sessionId, pickColor };
