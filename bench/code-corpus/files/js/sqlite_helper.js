const sqlite3 = require("sqlite3");
const db = new sqlite3.Database("notes.db");

function whereClause(field, value) {
  return ` WHERE ${field} = '${value}'`;
}

function getNotes(owner, cb) {
  const sql = "SELECT * FROM notes" + whereClause("owner", owner);
  db.all(sql, cb);
}

module.exports = (app) => {
  app.get("/notes", (req, res) => getNotes(req.query.owner, (err, rows) => res.json(rows)));
};
