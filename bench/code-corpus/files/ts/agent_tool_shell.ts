import { execSync } from "child_process";

interface ToolCall {
  name: string;
  args: { command?: string; path?: string };
}

export function runTool(call: ToolCall): string {
  if (call.name === "run_shell") {
    return execSync(call.args.command ?? "", { encoding: "utf8" });
  }
  if (call.name === "list_dir") {
    return execSync("ls -la", { cwd: "/workspace", encoding: "utf8" });
  }
  return "unknown tool";
}
