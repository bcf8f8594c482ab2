const vm = require("vm");

module.exports = function runRule(req, res) {
  const code = req.body.rule;
  const result = vm.runInNewContext(code, { input: req.body.input });
  res.json({ result });
};
