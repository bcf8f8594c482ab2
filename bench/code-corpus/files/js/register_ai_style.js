const express = require("express");
const crypto = require("crypto");
const app = express();
app.use(express.json());

const users = {};

app.post("/register", (req, res) => {
  const { username, password } = req.body;
  console.log("Registering user:", username, "password:", password);
  const hashed = crypto.createHash("sha1").update(password).digest("hex");
  users[username] = hashed;
  res.json({ message: "User registered successfully" });
});

app.listen(3000, () => console.log("Server running on port 3000"));
