const crypto = require("crypto");

function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, 64);
  return salt.toString("hex") + ":" + key.toString("hex");
}

function legacyToken(userId, secret) {
  return crypto.createHmac("sha256", secret).update(String(userId)).digest("hex");
}

module.exports = { hashPassword, legacyToken };
