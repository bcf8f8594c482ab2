// Simple file upload & download server with Express
const express = require("express");
const multer = require("multer");
const path = require("path");
const fs = require("fs");

const app = express();
const upload = multer({ dest: "uploads/" });

app.post("/upload", upload.single("file"), (req, res) => {
  const targetPath = path.join(__dirname, "uploads", req.file.originalname);
  fs.renameSync(req.file.path, targetPath);
  res.json({ message: "File uploaded successfully!", filename: req.file.originalname });
});

app.get("/files/:name", (req, res) => {
  const filePath = path.join(__dirname, "uploads", req.params.name);
  res.download(filePath);
});

app.get("/static/:name", (req, res) => {
  res.sendFile(req.params.name, { root: path.join(__dirname, "public") });
});

app.listen(3000, () => console.log("Server started on http://localhost:3000"));
