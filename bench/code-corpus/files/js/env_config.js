require("dotenv").config();

module.exports = {
  db: {
    host: process.env.DB_HOST || "localhost",
    password: process.env.DB_PASSWORD,
  },
  sessionSecret: process.env.SESSION_SECRET || "keyboard cat",
  stripe: {
    publishableKey: "pk_test_EXAMPLEpublishable000000000",
  },
};
