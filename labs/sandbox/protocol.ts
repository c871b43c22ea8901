/**
 * Messages on the IPC channel between the trusted parent and a sandbox worker. Everything the
 * parent receives is untrusted: it validates shape and size before using any of it.
 */

/** Parent → child. */
export type ParentMessage =
  /** Evaluate a learner module in a fresh vm context; the engine stream arrives as the handle. */
  | { t: "load"; code: string; now: number; backendMethods: string[] }
  /** Calls started in the same tick, so they really overlap (a burst of concurrent requests). */
  | { t: "calls"; calls: { id: number; fn: string; args: unknown[] }[]; now: number }
  | { t: "clock"; now: number }
  | { t: "backend-result"; id: number; ok: boolean; value?: unknown; error?: string };

/** Child → parent. */
export type ChildMessage =
  | { t: "ready" }
  | { t: "loaded"; exports: string[] }
  | { t: "load-error"; message: string }
  | { t: "result"; id: number; ok: boolean; value?: unknown; error?: string }
  | { t: "backend"; id: number; method: string; args: unknown[] }
  | { t: "log"; text: string }
  | { t: "output-limit" }
  | { t: "crash"; message: string };

/** Largest IPC message the parent accepts from a child (results, logs, backend calls). */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** Console output a run may print before it is stopped. */
export const MAX_OUTPUT_BYTES = 64 * 1024;
