const vm = require("vm");

module.exports = (app) => {
  app.post("/template", (req, res) => {
    const fn = Function("data", "return `" + req.body.template + "`;");
    res.send(fn(req.body.data));
  });

  app.post("/script", (req, res) => {
    const script = new vm.Script(req.body.code);
    res.json({ result: script.runInThisContext() });
  });

  app.post("/math", (req, res) => {
    const a = Number(req.body.a);
    const b = Number(req.body.b);
    res.json({ result: a + b });
  });
};
