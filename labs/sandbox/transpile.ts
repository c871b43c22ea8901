/** Learner TypeScript → the CommonJS the sandbox evaluates, with esbuild (types are stripped, not checked). */
import { transform } from "esbuild";
import { SandboxError } from "./worker";

/** Solutions are small programs; this stops pasted megabytes before they cost anything. */
export const MAX_SOURCE_BYTES = 100_000;

export async function transpileSolution(source: string): Promise<string> {
  if (Buffer.byteLength(source) > MAX_SOURCE_BYTES) {
    throw new SandboxError("compile", `your solution is larger than ${MAX_SOURCE_BYTES / 1000} KB`);
  }
  try {
    const result = await transform(source, { loader: "ts", format: "cjs", target: "es2022", sourcefile: "solution.ts", logLevel: "silent" });
    return result.code;
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { line: number; column: number; lineText: string } }[] }).errors ?? [];
    const text = errors
      .map((e) => (e.location ? `line ${e.location.line}:${e.location.column + 1}: ${e.text}\n  ${e.location.lineText}` : e.text))
      .join("\n");
    throw new SandboxError("compile", text || String(error));
  }
}
