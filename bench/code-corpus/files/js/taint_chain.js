const { exec } = require("child_process");
const express = require("express");
const app = express();
app.use(express.json());

function buildArgs(opts) {
  const parts = ["-q"];
  if (opts.depth) parts.push("--depth " + opts.depth);
  parts.push(opts.url);
  return parts;
}

app.post("/mirror", (req, res) => {
  const { url, depth } = req.body;
  const args = buildArgs({ url, depth });
  exec(["wget", ...args].join(" "), (err) => res.json({ ok: !err }));
});

app.post("/mirror-safe", (req, res) => {
  const depth = Number.parseInt(req.body.depth, 10) || 1;
  exec(`wget -q --depth ${depth} https://mirror.example.com/`, (err) => res.json({ ok: !err }));
});

module.exports = app;
