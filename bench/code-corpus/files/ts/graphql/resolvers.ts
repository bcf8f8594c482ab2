import { Pool } from "pg";

const pool = new Pool();

export const resolvers = {
  Query: {
    async products(_: unknown, args: { category: string; minPrice: number }) {
      const sql = `SELECT * FROM products WHERE category = '${args.category}' AND price >= ${args.minPrice}`;
      return (await pool.query(sql)).rows;
    },
    async product(_: unknown, args: { id: string }) {
      return (await pool.query("SELECT * FROM products WHERE id = $1", [args.id])).rows[0];
    },
  },
};
