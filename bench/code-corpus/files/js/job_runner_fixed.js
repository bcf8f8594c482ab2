const { execSync } = require('child_process');

function runStep(step) {
  return execSync(step).toString();
}

function runSteps(userStep) {
  const steps = new Map();
  steps.set('lint', 'npm run lint');
  steps.set('user', userStep);
  return runStep(steps.get('lint'));
}

module.exports = (req, res) => {
  res.send(runSteps(req.query.step));
};
