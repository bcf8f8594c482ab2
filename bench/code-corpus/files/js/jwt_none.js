const jwt = require("jsonwebtoken");

function verifyAny(token, key) {
  return jwt.verify(token, key, { algorithms: ["none", "HS256"] });
}

function issueGuest(id) {
  return jwt.sign({ sub: id, role: "guest" }, "", { algorithm: "none" });
}

function issue(id) {
  return jwt.sign({ sub: id }, process.env.JWT_SECRET, { algorithm: "HS256", expiresIn: "1h" });
}

module.exports = { verifyAny, issueGuest, issue };
