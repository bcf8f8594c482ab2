const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

async function byCity(city) {
  return knex.raw(`SELECT * FROM stores WHERE city = '${city}'`);
}

async function byCitySafe(city) {
  return knex.raw("SELECT * FROM stores WHERE city = ?", [city]);
}

async function byRegion(region) {
  return knex("stores").where("region", region).select("*");
}

async function byManager(manager) {
  return knex("stores").whereRaw("manager = '" + manager + "'");
}

module.exports = (app) => {
  app.get("/stores", async (req, res) => res.json(await byCity(req.query.city)));
  app.get("/stores/m", async (req, res) => res.json(await byManager(req.query.m)));
};
