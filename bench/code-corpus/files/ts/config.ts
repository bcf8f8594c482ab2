export const config = {
  githubToken: "ghp_EXAMPLE1234567890abcdefEXAMPLE12345678",
  region: "eu-west-1",
  slackWebhook: process.env.SLACK_WEBHOOK_URL ?? "",
};

export const ADMIN_PASSWORD = "hunter2hunter2!";
