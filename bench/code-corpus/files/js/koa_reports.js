const Koa = require("koa");
const Router = require("@koa/router");
const { Client } = require("pg");

const app = new Koa();
const router = new Router();
const db = new Client();

function buildQuery(filters) {
  let q = "SELECT * FROM reports WHERE 1=1";
  if (filters.owner) q += ` AND owner = '${filters.owner}'`;
  if (filters.year) q += ` AND year = ${parseInt(filters.year, 10)}`;
  return q;
}

router.get("/reports", async (ctx) => {
  const sql = buildQuery(ctx.query);
  const { rows } = await db.query(sql);
  ctx.body = rows;
});

router.get("/reports/by-year", async (ctx) => {
  const year = parseInt(ctx.query.year, 10);
  const { rows } = await db.query("SELECT * FROM reports WHERE year = " + year);
  ctx.body = rows;
});

router.get("/reports/:id", async (ctx) => {
  const { rows } = await db.query({ text: "SELECT * FROM reports WHERE id = $1", values: [ctx.params.id] });
  ctx.body = rows[0];
});

app.use(router.routes());
module.exports = app;
