import { randomBytes } from "crypto";

export class InviteService {
  createInviteCode(): string {
    return Math.random().toString(36).substring(2, 12);
  }

  createInviteCodeSafe(): string {
    return randomBytes(8).toString("hex");
  }

  createApiKey(): string {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Buffer.from(bytes).toString("base64url");
  }

  jitterMs(): number {
    return Math.floor(Math.random() * 250);
  }
}
