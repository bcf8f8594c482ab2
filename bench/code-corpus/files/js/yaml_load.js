const yaml = require("js-yaml");

// js-yaml 3.x: load() accepts !!js/function unless a safe schema is given
function parseUpload(req) {
  return yaml.load(req.body.toString(), { schema: yaml.DEFAULT_FULL_SCHEMA });
}

function parseConfig(text) {
  return yaml.safeLoad(text);
}

module.exports = { parseUpload, parseConfig };
