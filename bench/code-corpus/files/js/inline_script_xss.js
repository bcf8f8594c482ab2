const express = require("express");
const app = express();

app.get("/widget", (req, res) => {
  const theme = req.query.theme || "light";
  res.send(`<html><body><script>var theme = "${theme}";</script></body></html>`);
});

app.get("/widget2", (req, res) => {
  const theme = JSON.stringify(String(req.query.theme || "light")).replace(/</g, "\\u003c");
  res.send(`<html><body><script>var theme = ${theme};</script></body></html>`);
});

app.get("/link", (req, res) => {
  res.send(`<a href="${req.query.url}">continue</a>`);
});

module.exports = app;
