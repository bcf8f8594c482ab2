const { execFileSync, spawnSync, exec } = require("child_process");

function gitLog(repoDir, since) {
  return execFileSync("git", ["-C", repoDir, "log", `--since=${since}`], { encoding: "utf8" });
}

function listDir(dir) {
  return spawnSync("ls", ["-la", dir], { encoding: "utf8" }).stdout;
}

function nodeVersion(cb) {
  exec("node --version", cb);
}

function openInEditor(file) {
  return spawnSync("code", [file], { shell: true });
}

module.exports = { gitLog, listDir, nodeVersion, openInEditor };

module.exports.route = (app) => app.post("/open", (req, res) => res.json(openInEditor(req.body.file)));
