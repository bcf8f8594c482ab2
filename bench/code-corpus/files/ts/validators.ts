export const PHONE = /^\+?[0-9]{7,15}$/;

export function isPhone(v: string): boolean {
  return PHONE.test(v);
}

export const URL_LIKE = /^(https?:\/\/)?([\w-]+\.)+[\w-]+(\/[\w- .\/?%&=]*)*$/;

export function isUrl(v: string): boolean {
  return URL_LIKE.test(v);
}

export function matchesUserPattern(value: string, pattern: string): boolean {
  return new RegExp(pattern).test(value);
}
