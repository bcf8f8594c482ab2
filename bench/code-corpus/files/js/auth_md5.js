const crypto = require("crypto");

function hashPassword(password) {
  return crypto.createHash("md5").update(password).digest("hex");
}

function checksum(buffer) {
  return crypto.createHash("md5").update(buffer).digest("hex");
}

function fileEtag(buffer) {
  return `W/"${crypto.createHash("sha1").update(buffer).digest("base64")}"`;
}

module.exports = { hashPassword, checksum, fileEtag };
