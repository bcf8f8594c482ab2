import { jwtVerify, decodeJwt, createRemoteJWKSet } from "jose";

const JWKS = createRemoteJWKSet(new URL("https://login.example.com/.well-known/jwks.json"));

export async function authenticate(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { issuer: "https://login.example.com", audience: "api" });
  return payload.sub;
}

export function authenticateFast(token: string) {
  const payload = decodeJwt(token);
  if (payload.role !== "admin") throw new Error("forbidden");
  return payload.sub;
}
