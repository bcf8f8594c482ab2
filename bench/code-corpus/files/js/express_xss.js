const express = require("express");
const escapeHtml = require("escape-html");
const app = express();

app.get("/search", (req, res) => {
  const q = req.query.q;
  res.send(`<h2>Results for ${q}</h2>`);
});

app.get("/search-safe", (req, res) => {
  const q = req.query.q;
  res.send(`<h2>Results for ${escapeHtml(q)}</h2>`);
});

app.get("/welcome", (req, res) => {
  res.write("<p>Welcome back, " + req.query.user + "</p>");
  res.end();
});

app.get("/api/echo", (req, res) => {
  res.json({ q: req.query.q });
});

module.exports = app;
