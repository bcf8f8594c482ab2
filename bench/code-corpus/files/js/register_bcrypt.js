const express = require("express");
const bcrypt = require("bcrypt");
const app = express();
app.use(express.json());

const users = new Map();

app.post("/register", async (req, res) => {
  const { username, password } = req.body;
  console.log("Registering user:", username);
  const hashed = await bcrypt.hash(password, 12);
  users.set(username, hashed);
  res.status(201).json({ ok: true });
});

module.exports = app;
