const express = require("express");
const app = express();

app.set("view engine", "ejs");

app.get("/profile", (req, res) => {
  res.render("profile", { name: req.query.name });
});

app.get("/profile.txt", (req, res) => {
  res.type("text/plain").send(`Profile of ${req.query.name}`);
});

app.get("/profile-inline", (req, res) => {
  res.set("Content-Type", "text/html");
  res.end("<h1>" + req.query.name + "</h1>");
});

module.exports = app;
