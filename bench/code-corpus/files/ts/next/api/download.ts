import type { NextApiRequest, NextApiResponse } from "next";
import fs from "fs";
import path from "path";

const DOCS = path.join(process.cwd(), "private-docs");

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { file } = req.query;
  const p = path.join(DOCS, String(file));
  const stream = fs.createReadStream(p);
  stream.pipe(res);
}
