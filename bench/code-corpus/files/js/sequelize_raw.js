const { Sequelize, QueryTypes } = require("sequelize");
const sequelize = new Sequelize(process.env.DATABASE_URL);

async function searchProducts(term) {
  return sequelize.query("SELECT * FROM products WHERE title LIKE '%" + term + "%'", { type: QueryTypes.SELECT });
}

async function searchProductsSafe(term) {
  return sequelize.query("SELECT * FROM products WHERE title LIKE :term", {
    replacements: { term: `%${term}%` },
    type: QueryTypes.SELECT,
  });
}

async function topProducts(limit) {
  const n = Number.parseInt(limit, 10) || 10;
  return sequelize.query(`SELECT * FROM products ORDER BY sales DESC LIMIT ${n}`, { type: QueryTypes.SELECT });
}

module.exports = { searchProducts, searchProductsSafe, topProducts };
