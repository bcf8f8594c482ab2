const mysql = require("mysql");
const connection = mysql.createConnection({ host: "localhost", user: "shop", password: process.env.MYSQL_PASSWORD, database: "shop" });

function getOrder(req, res) {
  connection.query("SELECT * FROM orders WHERE id = " + req.params.id, (err, results) => {
    if (err) throw err;
    res.json(results[0]);
  });
}

function getOrderSafe(req, res) {
  connection.query("SELECT * FROM orders WHERE id = ?", [req.params.id], (err, results) => {
    if (err) throw err;
    res.json(results[0]);
  });
}

function searchOrders(req, res) {
  const where = `customer_email = ${connection.escape(req.query.email)}`;
  connection.query("SELECT * FROM orders WHERE " + where, (err, results) => res.json(results));
}

function sortOrders(req, res) {
  const sql = `SELECT * FROM orders ORDER BY ${req.query.sort} ${req.query.dir}`;
  connection.query(sql, (err, results) => res.json(results));
}

module.exports = { getOrder, getOrderSafe, searchOrders, sortOrders };
