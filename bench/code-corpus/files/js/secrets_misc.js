const jwt = require("jsonwebtoken");

const JWT_SECRET = "supersecretjwtkey-example";

function sign(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: "1h" });
}

function signEnv(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: "1h" });
}

const headers = {
  Authorization: "Bearer " + process.env.API_TOKEN,
  Accept: "application/json",
  "X-Api-Key": "EXAMPLEKEY-4f3c2b1a-0000-example",
};

module.exports = { sign, signEnv, headers };
