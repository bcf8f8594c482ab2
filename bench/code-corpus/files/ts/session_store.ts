import { Request } from "express";

export function loadSession(req: Request) {
  const blob = Buffer.from(req.cookies["sess"], "base64");
  return JSON.parse(blob.toString("utf8"));
}
