import { cookies } from "next/headers";
import { SESSION_COOKIE, setSessionCookie } from "@/app/_lib/auth";
import { rejectUnlessAllowed } from "@/app/_lib/mutation-guard";
import { sessionNeedsRenewal } from "@/app/_lib/session-tokens";
import { renewSession, validateSessionToken } from "@/app/_lib/sessions";

/** Sliding expiry: extends a session in its last half and re-issues the cookie to match. */
export async function POST(request: Request) {
  const rejection = await rejectUnlessAllowed(request);
  if (rejection) return rejection;

  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await validateSessionToken(token) : null;
  if (!token || !session) return Response.json({ error: "not signed in" }, { status: 401 });
  if (!sessionNeedsRenewal(session.expiresAt)) return Response.json({ expiresAt: session.expiresAt });

  const expiresAt = await renewSession(session.id);
  if (!expiresAt) return Response.json({ error: "not signed in" }, { status: 401 });
  await setSessionCookie(token, expiresAt);
  return Response.json({ expiresAt });
}
