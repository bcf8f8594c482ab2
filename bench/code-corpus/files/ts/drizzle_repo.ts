import { sql } from "drizzle-orm";
import { db } from "./db";
import { users } from "./schema";

export async function byEmail(email: string) {
  return db.select().from(users).where(sql`${users.email} = ${email}`);
}

export async function byEmailRaw(email: string) {
  return db.execute(sql.raw(`SELECT * FROM users WHERE email = '${email}'`));
}

export const handler = async (req: { query: { email: string } }) => byEmailRaw(req.query.email);
