const crypto = require("crypto");
const jwt = require("jsonwebtoken");

const SECRET_KEY = "mysecretkey123";

function hashPassword(password) {
  return crypto.createHash("sha256").update(password).digest("hex");
}

function generateResetToken() {
  return Math.random().toString(36).substr(2) + Date.now().toString(36);
}

function login(user, password) {
  if (user.passwordHash !== hashPassword(password)) return null;
  console.log(`User ${user.email} logged in with password ${password}`);
  return jwt.sign({ id: user.id, email: user.email }, SECRET_KEY);
}

function verifyToken(token) {
  return jwt.verify(token, SECRET_KEY, { algorithms: ["HS256"] });
}

module.exports = { hashPassword, generateResetToken, login, verifyToken };
