const jwt = require("jsonwebtoken");

function authInsecure(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  const payload = jwt.decode(token);
  if (!payload) return res.sendStatus(401);
  req.user = payload;
  next();
}

function auth(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256"] });
    next();
  } catch (e) {
    res.sendStatus(401);
  }
}

module.exports = { authInsecure, auth };
