const path = require("path");
const fs = require("fs");

const BASE = "/srv/app/exports";

function readExport(name) {
  const safe = name.replace(/\.\.\//g, "");
  return fs.readFileSync(path.join(BASE, safe));
}

function readExportChecked(name) {
  const full = path.resolve(BASE, name);
  if (path.relative(BASE, full).startsWith("..") || path.isAbsolute(path.relative(BASE, full))) {
    throw new Error("bad path");
  }
  return fs.readFileSync(full);
}

module.exports = (app) => {
  app.get("/exports", (req, res) => res.send(readExport(req.query.name)));
  app.get("/exports2", (req, res) => res.send(readExportChecked(req.query.name)));
};
