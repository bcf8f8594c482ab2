import { createHash, createCipheriv, randomBytes, pbkdf2Sync } from "crypto";

export function hashPassword(password: string): string {
  return createHash("sha1").update(password).digest("hex");
}

export function hashPasswordSafe(password: string): string {
  const salt = randomBytes(16);
  return salt.toString("hex") + ":" + pbkdf2Sync(password, salt, 310000, 32, "sha256").toString("hex");
}

export function contentHash(body: Buffer): string {
  return createHash("md5").update(body).digest("hex");
}

export function encryptDes(key: Buffer, iv: Buffer, data: string): string {
  const c = createCipheriv("des-cbc", key, iv);
  return c.update(data, "utf8", "base64") + c.final("base64");
}

export function encryptAes(key: Buffer, data: string): string {
  const iv = randomBytes(16);
  const c = createCipheriv("aes-256-cbc", key, iv);
  return iv.toString("base64") + ":" + c.update(data, "utf8", "base64") + c.final("base64");
}
