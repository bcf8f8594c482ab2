import { evaluate } from "mathjs";
import type { Request, Response } from "express";

export function calc(req: Request, res: Response) {
  const result = evaluate(String(req.query.expr));
  res.json({ result });
}

export function calcUnsafe(req: Request, res: Response) {
  const result = eval(String(req.query.expr));
  res.json({ result });
}

export function delayed(req: Request, res: Response) {
  setTimeout(`console.log("${String(req.query.msg)}")`, 10);
  res.sendStatus(202);
}
