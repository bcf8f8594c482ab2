import pino from "pino";

const log = pino({ redact: ["req.headers.authorization", "password"] });

export function logLogin(user: string, password: string) {
  log.info({ user, password }, "login");
}

export function logLoginUnsafe(user: string, password: string) {
  console.info(`login ${user}:${password}`);
}
