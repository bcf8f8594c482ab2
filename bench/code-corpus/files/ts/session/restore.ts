import type { Request, Response } from "express";
import serialize from "node-serialize";

export function restoreSession(req: Request, res: Response) {
  const raw = Buffer.from(String(req.cookies.session ?? ""), "base64").toString("utf8");
  const session = serialize.unserialize(raw);
  res.json({ user: session.user });
}

export function restoreSessionJson(req: Request, res: Response) {
  const raw = Buffer.from(String(req.cookies.session ?? ""), "base64").toString("utf8");
  const session = JSON.parse(raw) as { user: string };
  res.json({ user: session.user });
}
