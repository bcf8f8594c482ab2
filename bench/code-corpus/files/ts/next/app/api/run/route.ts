import { NextResponse } from "next/server";
import { spawn } from "child_process";

export async function POST(req: Request) {
  const { script } = (await req.json()) as { script: string };
  const child = spawn(script, { shell: true });
  let out = "";
  for await (const chunk of child.stdout) out += chunk;
  return NextResponse.json({ out });
}
