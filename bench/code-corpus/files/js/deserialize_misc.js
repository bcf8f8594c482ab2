const express = require("express");
const funcster = require("funcster");

const app = express();
app.use(express.text());

app.post("/restore-fn", (req, res) => {
  const obj = funcster.deepDeserialize(JSON.parse(req.body));
  res.json({ keys: Object.keys(obj) });
});

module.exports = app;
