import { Request, Response } from "express";
import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function listOrders(req: Request, res: Response): Promise<void> {
  const sort = req.query.sort as string;
  const { rows } = await pool.query(`SELECT id, total FROM orders ORDER BY ${sort}`);
  res.json(rows);
}

const SORTABLE: Record<string, string> = { total: "total", date: "created_at" };

export async function listOrdersSafe(req: Request, res: Response): Promise<void> {
  const sort = SORTABLE[String(req.query.sort)] ?? "created_at";
  const { rows } = await pool.query(`SELECT id, total FROM orders ORDER BY ${sort}`);
  res.json(rows);
}
