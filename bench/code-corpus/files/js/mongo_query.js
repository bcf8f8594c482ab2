const express = require("express");
const { MongoClient } = require("mongodb");

const router = express.Router();
const client = new MongoClient(process.env.MONGO_URL);

router.get("/users/find", async (req, res) => {
  const users = client.db("app").collection("users");
  const docs = await users.find({ $where: "this.name == '" + req.query.name + "'" }).toArray();
  res.json(docs);
});

router.get("/users/find2", async (req, res) => {
  const users = client.db("app").collection("users");
  const docs = await users.find({ name: String(req.query.name) }).toArray();
  res.json(docs);
});

module.exports = router;
