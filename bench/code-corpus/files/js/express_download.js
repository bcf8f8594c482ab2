const express = require("express");
const path = require("path");
const fs = require("fs");

const app = express();
const FILES = path.join(__dirname, "files");

app.get("/download", (req, res) => {
  const file = req.query.file;
  res.sendFile(path.join(FILES, file));
});

app.get("/download-safe", (req, res) => {
  const file = path.basename(req.query.file);
  res.sendFile(path.join(FILES, file));
});

app.get("/read", (req, res) => {
  fs.readFile(FILES + "/" + req.query.name, "utf8", (err, data) => {
    if (err) return res.sendStatus(404);
    res.type("text/plain").send(data);
  });
});

app.get("/read-safe", (req, res) => {
  const target = path.resolve(FILES, req.query.name);
  if (!target.startsWith(FILES + path.sep)) return res.sendStatus(400);
  fs.readFile(target, "utf8", (err, data) => {
    if (err) return res.sendStatus(404);
    res.type("text/plain").send(data);
  });
});

module.exports = app;
