const express = require("express");
const cookieParser = require("cookie-parser");
const serialize = require("node-serialize");

const app = express();
app.use(cookieParser());

app.get("/", (req, res) => {
  if (req.cookies.profile) {
    const str = Buffer.from(req.cookies.profile, "base64").toString();
    const obj = serialize.unserialize(str);
    return res.send("Hello " + obj.username.replace(/[<>&"']/g, ""));
  }
  res.send("Hello guest");
});

app.get("/v2", (req, res) => {
  if (req.cookies.profile) {
    const obj = JSON.parse(Buffer.from(req.cookies.profile, "base64").toString());
    return res.json({ user: obj.username });
  }
  res.json({ user: null });
});

module.exports = app;
