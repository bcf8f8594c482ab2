const fs = require("fs");
const path = require("path");
const http = require("http");
const url = require("url");

http
  .createServer((req, res) => {
    const { pathname, query } = url.parse(req.url, true);
    if (pathname === "/view") {
      fs.createReadStream(path.join("/var/www/docs", query.file)).pipe(res);
    } else if (pathname === "/raw") {
      fs.readFile(query.path, (err, data) => res.end(err ? "not found" : data));
    } else {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<p>Unknown page</p>");
    }
  })
  .listen(8080);
