const { execSync, spawn } = require("child_process");

function cloneRepo(url, dest) {
  execSync("git clone " + url + " " + dest);
}

function cloneRepoSafe(url, dest) {
  return spawn("git", ["clone", "--", url, dest], { stdio: "inherit" });
}

function diskUsage() {
  return execSync("df -h /").toString();
}

module.exports = { cloneRepo, cloneRepoSafe, diskUsage };

// POST /import { "repo": "<url>", "name": "<dir>" }
function importHandler(req, res) {
  cloneRepo(req.body.repo, "/srv/imports/" + req.body.name);
  res.sendStatus(202);
}

module.exports.importHandler = importHandler;
