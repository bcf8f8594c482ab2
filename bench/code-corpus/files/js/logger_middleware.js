const morgan = require("morgan");
const winston = require("winston");

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

function requestLogger(req, res, next) {
  logger.info("request", { method: req.method, url: req.originalUrl, body: req.body });
  next();
}

function requestLoggerSafe(req, res, next) {
  logger.info("request", { method: req.method, url: req.originalUrl, ip: req.ip });
  next();
}

function onPaymentError(err, card) {
  logger.error(`payment failed for card ${card.number} cvv ${card.cvv}: ${err.message}`);
}

module.exports = { requestLogger, requestLoggerSafe, onPaymentError, morgan };
