const { exec } = require("child_process");
const util = require("util");
const run = util.promisify(exec);

async function transcode(input, format) {
  const output = input.replace(/\.\w+$/, "." + format);
  const cmd = "ffmpeg -i " + input + " " + output;
  await run(cmd);
  return output;
}

module.exports = function (app) {
  app.post("/transcode", async (req, res) => {
    const out = await transcode(req.body.path, req.body.format);
    res.json({ out });
  });
};
