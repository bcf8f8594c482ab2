import { randomInt } from "node:crypto";

export function otp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function otpLegacy(): string {
  return String(Math.floor(100000 + Math.random() * 900000));
}

export function pickAvatarColor(seed: string): string {
  const colors = ["#f87171", "#60a5fa", "#34d399"];
  return colors[seed.length % colors.length];
}
