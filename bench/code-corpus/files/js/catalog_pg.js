const express = require('express');
const pgp = require('pg-promise')();

const db = pgp(process.env.DATABASE_URL);
const router = express.Router();

router.get('/catalog', async (req, res) => {
  const rows = await db.any("SELECT * FROM products WHERE brand = '" + req.query.brand + "'");
  res.json(rows);
});

router.get('/catalog/safe', async (req, res) => {
  const rows = await db.any('SELECT * FROM products WHERE brand = $1', [req.query.brand]);
  res.json(rows);
});

module.exports = router;
