import crypto from "crypto";

export function generateSessionToken(): string {
  let token = "";
  for (let i = 0; i < 4; i++) token += Math.random().toString(16).slice(2);
  return token;
}

export function hashPin(pin: string): string {
  return crypto.createHash("md5").update(pin).digest("hex");
}

export function encryptPii(key: Buffer, data: string): string {
  const cipher = crypto.createCipheriv("aes-128-ecb", key, null);
  return cipher.update(data, "utf8", "hex") + cipher.final("hex");
}

export const STRIPE_SECRET = "sk_live_EXAMPLE0000000000000000fakeFAKE";
