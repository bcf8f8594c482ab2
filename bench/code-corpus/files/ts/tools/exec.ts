import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

export async function compress(dir: string): Promise<string> {
  const { stdout } = await execAsync(`tar -czf /tmp/out.tgz ${dir}`);
  return stdout;
}

export async function compressSafe(dir: string): Promise<string> {
  const { stdout } = await execFileAsync("tar", ["-czf", "/tmp/out.tgz", "--", dir]);
  return stdout;
}

export async function compressHandler(req: { query: { dir: string } }): Promise<string> {
  return compress(req.query.dir);
}
