const express = require("express");
const serialize = require("serialize-javascript");
const app = express();

app.get("/prefs", (req, res) => {
  const raw = Buffer.from(req.cookies.prefs || "", "base64").toString();
  const prefs = eval("(" + raw + ")");
  res.json(prefs);
});

app.get("/prefs.js", (req, res) => {
  const prefs = { theme: "dark", lang: req.query.lang };
  res.type("application/javascript").send("window.PREFS = " + serialize(prefs, { isJSON: true }) + ";");
});

module.exports = app;
