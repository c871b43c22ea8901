import type { NextRequest } from "next/server";
import { apiUser, jsonError } from "@/app/_lib/labs-api";
import { keysQuerySchema } from "@/app/_lib/labs-schemas";
import { inspectKeys } from "@/labs/console";

/** The key inspector's listing: one SCAN page with type, TTL and memory. */
export async function GET(request: NextRequest) {
  const who = await apiUser();
  if ("response" in who) return who.response;
  const query = keysQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return jsonError(400, "Invalid cursor or pattern.");
  return Response.json(await inspectKeys(who.user.id, query.data), { headers: { "Cache-Control": "no-store" } });
}
