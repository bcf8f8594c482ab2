const { Pool } = require("pg");
const pool = new Pool();

async function findOrders(req, res) {
  const { status, customer } = req.query;
  const result = await pool.query(`SELECT * FROM orders WHERE status = '${status}' AND customer_id = ${customer}`);
  res.json(result.rows);
}

async function findOrdersSafe(req, res) {
  const { status, customer } = req.query;
  const result = await pool.query("SELECT * FROM orders WHERE status = $1 AND customer_id = $2", [status, customer]);
  res.json(result.rows);
}

module.exports = { findOrders, findOrdersSafe };
