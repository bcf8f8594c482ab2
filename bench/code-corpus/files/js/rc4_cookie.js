const crypto = require("crypto");

exports.sealCookie = function sealCookie(value, key) {
  const c = crypto.createCipheriv("rc4", key, "");
  return c.update(value, "utf8", "hex") + c.final("hex");
};
