const crypto = require("crypto");
const https = require("https");
const yaml = require("yaml");

function parseConfig(text) {
  return yaml.parse(text);
}

function cloneState(state) {
  return structuredClone(state);
}

function seal(key, data) {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv("chacha20-poly1305", key, iv, { authTagLength: 16 });
  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
}

function ecKeys() {
  return crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
}

function strictAgent() {
  return new https.Agent({ rejectUnauthorized: true, minVersion: "TLSv1.2" });
}

const PASSWORD_RESET_PATH = "/account/password/reset";

function runLater(fn) {
  setTimeout(() => fn(), 250);
}

function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

module.exports = { parseConfig, cloneState, seal, ecKeys, strictAgent, PASSWORD_RESET_PATH, runLater, sum };
