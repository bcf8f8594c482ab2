import { Agent, fetch } from "undici";

const insecure = new Agent({ connect: { rejectUnauthorized: false } });

export async function getLegacy(url: string) {
  return fetch(url, { dispatcher: insecure });
}

export async function get(url: string) {
  return fetch(url);
}
