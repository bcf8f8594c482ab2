export function makeResetToken(userId: number): string {
  const rand = Math.floor(Math.random() * 1e16).toString(16);
  return `${userId}-${rand}`;
}
