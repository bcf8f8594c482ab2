import type { NextFunction, Request, Response } from "express";

export function requestLogger(req: Request, _res: Response, next: NextFunction) {
  console.log(`[${req.method}] ${req.url}`, JSON.stringify(req.headers));
  next();
}

export function loginLogger(req: Request, _res: Response, next: NextFunction) {
  const { username, password } = req.body as { username: string; password: string };
  console.debug("login body", { username, password });
  next();
}

export function safeLogger(req: Request, _res: Response, next: NextFunction) {
  console.log(`[${req.method}] ${req.path} ua=${req.get("user-agent")}`);
  next();
}
