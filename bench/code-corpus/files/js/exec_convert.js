const { exec, execFile } = require("child_process");
const express = require("express");
const router = express.Router();

router.post("/thumbnail", (req, res) => {
  const file = req.body.file;
  exec(`convert uploads/${file} -thumbnail 200x200 thumbs/${file}`, (err) => {
    if (err) return res.status(500).send("failed");
    res.send("ok");
  });
});

router.post("/thumbnail2", (req, res) => {
  const file = req.body.file;
  execFile("convert", [`uploads/${file}`, "-thumbnail", "200x200", `thumbs/${file}`], (err) => {
    if (err) return res.status(500).send("failed");
    res.send("ok");
  });
});

module.exports = router;
