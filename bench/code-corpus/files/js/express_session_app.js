const express = require("express");
const session = require("express-session");

const app = express();
app.use(
  session({
    secret: "s3ss10n-s3cr3t-example-value",
    resave: false,
    saveUninitialized: false,
  })
);

module.exports = app;
