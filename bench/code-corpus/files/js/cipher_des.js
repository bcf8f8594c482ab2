const crypto = require("crypto");

const KEY = Buffer.from(process.env.ENC_KEY, "hex");

function encryptLegacy(text) {
  const cipher = crypto.createCipheriv("des-ede3-cbc", KEY.subarray(0, 24), Buffer.alloc(8, 0));
  return Buffer.concat([cipher.update(text, "utf8"), cipher.final()]).toString("base64");
}

function encryptEcb(text) {
  const cipher = crypto.createCipheriv("aes-256-ecb", KEY, null);
  return Buffer.concat([cipher.update(text, "utf8"), cipher.final()]).toString("base64");
}

function encrypt(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", KEY, iv);
  const ct = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64");
}

module.exports = { encryptLegacy, encryptEcb, encrypt };
