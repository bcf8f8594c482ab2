import type { NextApiRequest, NextApiResponse } from "next";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { transform } = req.body as { transform: string };
  const output = eval(transform);
  res.status(200).json({ output });
}
