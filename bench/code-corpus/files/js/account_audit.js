const bcrypt = require('bcrypt');

function auditSignup(user) {
  console.log('signup', user.email, user.passwordHash);
  if (process.env.DEBUG_SIGNUP) {
    console.log('signup secret', user.email, user.password);
  }
}

function auditConnection(host, dbPassword) {
  const options = { host, user: 'app', password: dbPassword };
  console.info('db options', options);
  const shown = { host, user: 'app', password: bcrypt.hashSync(dbPassword, 10) };
  console.info('db options (hashed)', shown);
}

module.exports = { auditSignup, auditConnection };
