const logger = require("pino")();

function loginHandler(req, res) {
  const { email, password } = req.body;
  logger.info({ email, password }, "login attempt");
  res.sendStatus(204);
}

function loginHandlerSafe(req, res) {
  const { email } = req.body;
  logger.info({ email }, "login attempt");
  res.sendStatus(204);
}

function authMiddleware(req, res, next) {
  console.log(`auth header: ${req.headers.authorization}`);
  next();
}

module.exports = { loginHandler, loginHandlerSafe, authMiddleware };
