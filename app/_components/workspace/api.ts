import { CSRF_HEADER } from "@/app/_lib/csrf";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string; retryAfterMs?: number };

/** JSON fetch for the workspace's routes; mutations carry the page's CSRF token. */
export async function callApi<T>(url: string, options: { method?: string; body?: unknown; csrfToken?: string } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.csrfToken) headers[CSRF_HEADER] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Check your connection and try again." };
  }
  const data = (await response.json().catch(() => ({}))) as T & { error?: string; retryAfterMs?: number };
  if (!response.ok) {
    const error = response.status === 401 ? "Your session has ended: sign in again." : (data.error ?? `The request failed (${response.status}).`);
    return { ok: false, status: response.status, error, retryAfterMs: data.retryAfterMs };
  }
  return { ok: true, data };
}
