const express = require("express");
const mysql = require("mysql2");

const app = express();
const pool = mysql.createPool({ host: "localhost", user: "app", database: "shop", password: process.env.DB_PASSWORD });

app.get("/users", (req, res) => {
  const name = req.query.name;
  const sql = "SELECT id, name FROM users WHERE name = '" + name + "'";
  pool.query(sql, (err, rows) => {
    if (err) return res.status(500).json({ error: "db" });
    res.json(rows);
  });
});

app.get("/users/:id", (req, res) => {
  pool.query("SELECT id, name FROM users WHERE id = ?", [req.params.id], (err, rows) => {
    if (err) return res.status(500).json({ error: "db" });
    res.json(rows[0] || null);
  });
});

app.listen(3000);
