function debugLogin(username, password) {
  console.debug('login', username, password.trim());

  console.debug('login masked', username, password.replace(/./g, '*'));
}

function dumpConfig() {
  console.log('env', JSON.stringify(process.env));

  console.log('mode', process.env.NODE_ENV);
}

module.exports = { debugLogin, dumpConfig };
