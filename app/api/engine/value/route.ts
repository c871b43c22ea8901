import type { NextRequest } from "next/server";
import { apiUser, jsonError } from "@/app/_lib/labs-api";
import { valueQuerySchema } from "@/app/_lib/labs-schemas";
import { readValue } from "@/labs/console";

/** One key's value for the inspector's views. */
export async function GET(request: NextRequest) {
  const who = await apiUser();
  if ("response" in who) return who.response;
  const query = valueQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return jsonError(400, "Name a key.");
  return Response.json(await readValue(who.user.id, query.data.key), { headers: { "Cache-Control": "no-store" } });
}
