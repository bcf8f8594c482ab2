import * as jwt from "jsonwebtoken";
import { jwtDecode } from "jwt-decode";

export function userFromToken(token: string): { sub: string; admin: boolean } {
  const claims = jwtDecode<{ sub: string; admin: boolean }>(token);
  return claims;
}

export function userFromTokenVerified(token: string): { sub: string; admin: boolean } {
  const key = process.env.JWT_PUBLIC_KEY as string;
  return jwt.verify(token, key, { algorithms: ["RS256"] }) as { sub: string; admin: boolean };
}

export function verifyLocalDev(token: string) {
  return jwt.verify(token, "", { algorithms: ["none"] });
}
