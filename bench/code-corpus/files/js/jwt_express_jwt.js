const { expressjwt } = require("express-jwt");
const jwt = require("jsonwebtoken");

const requireAuth = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ["HS256"] });

function optionalUser(req) {
  const token = req.cookies.token;
  if (!token) return null;
  const decoded = jwt.decode(token, { complete: true });
  return decoded && decoded.payload.isAdmin ? { admin: true } : { admin: false };
}

module.exports = { requireAuth, optionalUser };
