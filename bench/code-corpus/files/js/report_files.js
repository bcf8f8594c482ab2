const express = require('express');
const storage = require('fs');
const proc = require('child_process');

const router = express.Router();

router.get('/reports/raw', (req, res) => {
  storage.readFile(req.query.path, 'utf8', (err, text) => {
    if (err) return res.status(404).end();
    res.type('text/plain').send(text);
  });
});

router.get('/reports/latest', (req, res) => {
  storage.readFile('reports/latest.txt', 'utf8', (err, text) => {
    if (err) return res.status(404).end();
    res.type('text/plain').send(text);
  });
});

router.post('/reports/archive', (req, res) => {
  proc.exec('tar czf /tmp/out.tgz ' + req.body.folder, (err) => {
    res.json({ ok: !err });
  });
});

router.post('/reports/rotate', (req, res) => {
  proc.exec('logrotate /etc/logrotate.d/reports', (err) => {
    res.json({ ok: !err });
  });
});

module.exports = router;
