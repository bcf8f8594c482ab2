const { MongoClient } = require("mongodb");

const uri = "mongodb://admin:Tr0ub4dor%263-example@cluster0.mongo.example.net:27017/prod";
const client = new MongoClient(uri);

async function connect() {
  await client.connect();
  return client.db("prod");
}

module.exports = { connect };
