import _ from "lodash";
import type { Request, Response } from "express";

export function renderEmail(templateSource: string, data: Record<string, string>): string {
  const compiled = _.template(templateSource);
  return compiled(data);
}

export function previewHandler(req: Request, res: Response) {
  res.type("text/plain").send(renderEmail(String(req.body.template), { name: "Ada" }));
}

export function renderEmailSafe(data: Record<string, string>): string {
  const compiled = _.template("Hello <%- name %>, your order <%- order %> shipped.");
  return compiled(data);
}
