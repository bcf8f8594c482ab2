const crypto = require("crypto");

function apiSignature(secret, body) {
  return crypto.createHash("md5").update(secret + body).digest("hex");
}

function apiSignatureHmac(secret, body) {
  return crypto.createHmac("sha256", secret).update(body).digest("hex");
}

function deriveKey(password) {
  return crypto.createHash("sha256").update(password).digest();
}

function deriveKeySafe(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 600000, 32, "sha256");
}

function encryptCbcStaticIv(key, text) {
  const iv = Buffer.from("0000000000000000");
  const c = crypto.createCipheriv("aes-128-cbc", key, iv);
  return c.update(text, "utf8", "hex") + c.final("hex");
}

function weakKeys() {
  return crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
}

function strongKeys() {
  return crypto.generateKeyPairSync("rsa", { modulusLength: 4096 });
}

module.exports = { apiSignature, apiSignatureHmac, deriveKey, deriveKeySafe, encryptCbcStaticIv, weakKeys, strongKeys };
