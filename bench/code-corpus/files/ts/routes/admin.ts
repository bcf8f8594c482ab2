import { Router, Request, Response } from "express";
import { exec } from "child_process";
import { Pool } from "pg";

const router = Router();
const pool = new Pool();

interface BackupRequest {
  database: string;
  label?: string;
}

function backupCommand(req: BackupRequest): string {
  return `pg_dump ${req.database} > /backups/${req.label ?? "manual"}.sql`;
}

router.post("/admin/backup", (req: Request, res: Response) => {
  const cmd = backupCommand(req.body as BackupRequest);
  exec(cmd, (err) => res.json({ ok: !err }));
});

router.get("/admin/audit", async (req: Request, res: Response) => {
  const actor = req.query.actor as string;
  const since = Number(req.query.since ?? 0);
  const text = "SELECT * FROM audit_log WHERE actor = $1 AND ts > to_timestamp($2)";
  const { rows } = await pool.query(text, [actor, since]);
  res.json(rows);
});

router.get("/admin/audit/raw", async (req: Request, res: Response) => {
  const filter = req.query.filter as string;
  const { rows } = await pool.query("SELECT * FROM audit_log WHERE " + filter);
  res.json(rows);
});

export default router;
