const log = require("debug")("app:auth");

function onLogin(user, req) {
  log("login ok user=%s ip=%s", user.email, req.ip);
}

function onApiKeyCreated(user, key) {
  log("api key created for %s (prefix %s)", user.email, key.slice(0, 6));
}

function onOAuthCallback(req) {
  console.log("oauth callback", req.query.code, req.query.state);
}

module.exports = { onLogin, onApiKeyCreated, onOAuthCallback };
