const crypto = require('crypto');

const legacyIv = Buffer.from('a1b2c3d4e5f60718');

function encryptLegacy(key, text) {
  const cipher = crypto.createCipheriv('aes-128-cbc', key, legacyIv);
  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

function encrypt(key, text) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-128-cbc', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return iv.toString('base64') + ':' + body.toString('base64');
}

module.exports = { encryptLegacy, encrypt };
