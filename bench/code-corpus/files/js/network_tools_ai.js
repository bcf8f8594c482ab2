// Network diagnostic API - Express.js
const express = require("express");
const { execSync } = require("child_process");
const app = express();

app.get("/api/ping", (req, res) => {
  const ip = req.query.ip;
  try {
    const output = execSync(`ping -c 4 ${ip}`).toString();
    res.json({ success: true, output });
  } catch (error) {
    res.status(500).json({ success: false, error: error.message });
  }
});

app.get("/api/traceroute", (req, res) => {
  const host = req.query.host;
  if (!/^[a-zA-Z0-9.-]+$/.test(host)) {
    return res.status(400).json({ error: "Invalid host" });
  }
  const output = execSync(`traceroute ${host}`).toString();
  res.json({ output });
});

app.listen(3000);
