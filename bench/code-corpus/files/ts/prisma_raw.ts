import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

export async function searchPosts(term: string) {
  return prisma.$queryRawUnsafe(`SELECT id, title FROM "Post" WHERE title ILIKE '%${term}%'`);
}

export async function searchPostsSafe(term: string) {
  const pattern = `%${term}%`;
  return prisma.$queryRaw`SELECT id, title FROM "Post" WHERE title ILIKE ${pattern}`;
}

export async function GET(request: Request) {
  const term = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(await searchPosts(term));
}
