const { VM } = require('vm2');
const crypto = require('crypto');
const Handlebars = require('handlebars');

function evaluateFormula(req, res) {
  const vm = new VM({ timeout: 500, sandbox: {} });
  const value = vm.run('(' + req.body.formula + ')');
  res.json({ value });
}

function evaluatePreset(req, res) {
  const vm = new VM({ timeout: 500, sandbox: {} });
  const value = vm.run('(2 + 3) * 7');
  res.json({ value });
}

function newApiSalt() {
  return crypto.pseudoRandomBytes(16).toString('hex');
}

function newApiPepper() {
  return crypto.randomBytes(16).toString('hex');
}

const rawPage = Handlebars.compile(pageSource, { noEscape: true });

const page = Handlebars.compile(pageSource, { noEscape: false });

module.exports = { evaluateFormula, evaluatePreset, newApiSalt, newApiPepper, rawPage, page };
