const express = require("express");
const app = express();

app.get("/calc", (req, res) => {
  const expr = req.query.expr;
  const result = eval(expr);
  res.json({ result });
});

app.get("/filter", (req, res) => {
  const predicate = new Function("item", "return " + req.query.where);
  res.json(items.filter(predicate));
});

app.get("/parse", (req, res) => {
  const data = JSON.parse(req.query.data);
  res.json(data);
});

const items = [];
module.exports = app;
