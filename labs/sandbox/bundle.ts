/**
 * Builds the worker program (child.ts plus ioredis) into a single CommonJS file. A worker's
 * permission model allows reading exactly this file, so the bundle is what keeps the sandbox
 * from needing node_modules (or anything else in the repository) on its read list.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";

let bundled: Promise<string> | undefined;

/** Path of the bundled worker program, built once per process into a fresh world-readable directory (removed at exit). */
export function workerBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "labs-sandbox-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    // Workers run under other uids: they need to traverse the directory and read the file.
    chmodSync(dir, 0o755);
    const outfile = path.join(dir, "worker.cjs");
    await build({
      // Resolved from the repository root, like the rest of the platform (content/index.ts).
      entryPoints: [path.resolve("labs/sandbox/child.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      outfile,
      logLevel: "silent",
      // One strict-mode file: stack-trace APIs (CallSite.getFunction/getThis) reveal nothing of strict frames.
      banner: { js: '"use strict";' },
      // ioredis' optional `debug` dependency probes the environment; nothing else is external.
      define: { "process.env.DEBUG": "undefined" },
    });
    chmodSync(outfile, 0o644);
    return outfile;
  })();
  return bundled;
}
