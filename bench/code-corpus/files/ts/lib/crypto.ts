import crypto from "node:crypto";

export function gravatarUrl(email: string): string {
  const hash = crypto.createHash("md5").update(email.trim().toLowerCase()).digest("hex");
  return `https://www.gravatar.com/avatar/${hash}`;
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function storePassword(password: string): string {
  return crypto.createHash("md5").update(password).digest("base64");
}

export function encryptField(key: Buffer, value: string): string {
  const cipher = crypto.createCipheriv("bf-cbc", key, crypto.randomBytes(8));
  return cipher.update(value, "utf8", "base64") + cipher.final("base64");
}
