const Handlebars = require("handlebars");

const tpl = Handlebars.compile("<p>{{comment}}</p>");
const rawTpl = Handlebars.compile("<p>{{{comment}}}</p>");

module.exports = (app) => {
  app.get("/c", (req, res) => res.send(tpl({ comment: req.query.c })));

  app.get("/c-raw", (req, res) => res.send(rawTpl({ comment: req.query.c })));
};
