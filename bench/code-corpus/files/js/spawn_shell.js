const { spawn } = require("child_process");

module.exports = function lookup(req, res) {
  const domain = req.query.domain;
  const child = spawn("sh", ["-c", "dig +short " + domain]);
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.on("close", () => res.send(out));
};
