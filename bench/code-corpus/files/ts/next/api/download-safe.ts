import type { NextApiRequest, NextApiResponse } from "next";
import fs from "fs";
import path from "path";

const DOCS = path.join(process.cwd(), "private-docs");
const ALLOWED = new Set(["terms.pdf", "privacy.pdf", "pricing.pdf"]);

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const file = String(req.query.file);
  if (!ALLOWED.has(file)) {
    res.status(404).end();
    return;
  }
  fs.createReadStream(path.join(DOCS, file)).pipe(res);
}
