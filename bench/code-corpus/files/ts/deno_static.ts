import { serve } from "https://deno.land/std@0.200.0/http/server.ts";

serve(async (req) => {
  const url = new URL(req.url);
  const file = url.searchParams.get("f") ?? "index.html";
  const body = await Deno.readTextFile("./public/" + file);
  return new Response(body, { headers: { "content-type": "text/html" } });
});
