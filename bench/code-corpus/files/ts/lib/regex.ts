export function isValidHostname(host: string): boolean {
  return /^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\.)+[a-zA-Z]{2,}$/.test(host);
}

export function isValidPath(p: string): boolean {
  return /^(\/[a-z0-9]+)*(\/?[a-z0-9]*)*$/.test(p);
}
