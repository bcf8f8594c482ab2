const fs = require("fs/promises");
const path = require("path");

async function saveAvatar(req, res) {
  const userDir = path.join("/var/data/avatars", req.params.user);
  await fs.writeFile(path.join(userDir, req.body.filename), req.body.content, "base64");
  res.sendStatus(201);
}

async function deleteExport(req, res) {
  const allowed = new Set(["daily.csv", "weekly.csv", "monthly.csv"]);
  if (!allowed.has(req.params.name)) return res.sendStatus(404);
  await fs.unlink(path.join("/var/data/exports", req.params.name));
  res.sendStatus(204);
}

module.exports = { saveAvatar, deleteExport };
