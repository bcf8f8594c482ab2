import { verify, decode } from "jsonwebtoken";
import type { Request } from "express";

export function getUser(req: Request) {
  const token = req.header("x-token") ?? "";
  const claims = decode(token) as { sub: string; role: string } | null;
  return claims?.role === "admin" ? { id: claims.sub, admin: true } : null;
}

export function getUserVerified(req: Request) {
  const token = req.header("x-token") ?? "";
  const claims = verify(token, process.env.JWT_SECRET!, { algorithms: ["HS512"], issuer: "api" }) as { sub: string; role: string };
  return claims.role === "admin" ? { id: claims.sub, admin: true } : null;
}
