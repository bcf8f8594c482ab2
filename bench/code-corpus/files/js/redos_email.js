const EMAIL = /^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/;

function validateEmail(req, res, next) {
  if (!EMAIL.test(req.body.email)) return res.status(400).send("bad email");
  next();
}

const USERNAME = /^[a-z0-9_]{3,20}$/i;

function validateUsername(req, res, next) {
  if (!USERNAME.test(req.body.username)) return res.status(400).send("bad username");
  next();
}

module.exports = { validateEmail, validateUsername };
