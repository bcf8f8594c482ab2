const https = require('https');

const relaxedAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: !true,
});

const strictAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: !false,
});

module.exports = { relaxedAgent, strictAgent };
