"use client";

import { useEffect } from "react";
import { CSRF_HEADER } from "@/app/_lib/csrf";

/**
 * Rendered when the session is in its last half: asks the server to extend it. Pages cannot
 * write cookies while rendering, so the sliding renewal happens in this small POST instead.
 */
export function SessionRenewer({ csrfToken }: { csrfToken: string }) {
  useEffect(() => {
    void fetch("/api/session/renew", { method: "POST", headers: { [CSRF_HEADER]: csrfToken } });
  }, [csrfToken]);
  return null;
}
