/**
 * The type definitions the workspace's editor loads into Monaco's TypeScript service: ioredis's
 * own .d.ts files (as installed) plus small declarations for the Node modules they import and
 * for what the sandbox provides, so `redis.` completes and misuse is a type error.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TypeLibrary {
  /** Virtual path under file:///node_modules/ -> contents. */
  files: Record<string, string>;
}

/** Just enough of Node's types for ioredis's declarations (the sandbox has no Node APIs itself). */
const NODE_SHIMS = `
declare module "events" { export class EventEmitter { on(event: string | symbol, listener: (...args: any[]) => void): this; once(event: string | symbol, listener: (...args: any[]) => void): this; off(event: string | symbol, listener: (...args: any[]) => void): this; emit(event: string | symbol, ...args: any[]): boolean; } }
declare module "net" { export interface NetConnectOpts { [option: string]: unknown } export interface IpcNetConnectOpts { path: string } export interface TcpNetConnectOpts { port: number; host?: string } export class Socket {} }
declare module "tls" { export interface ConnectionOptions { [option: string]: unknown } export interface SecureContextOptions { [option: string]: unknown } }
declare module "stream" { export class Readable { on(event: string, listener: (...args: any[]) => void): this } export class Duplex extends Readable {} }
declare module "dns" { export type LookupFunction = (...args: any[]) => void }
declare module "denque" { class Denque<T = any> { length: number; push(item: T): number; shift(): T | undefined } export = Denque; }
declare module "redis-errors" { export class RedisError extends Error {} export class ReplyError extends RedisError {} export class AbortError extends RedisError {} }
declare module "node:crypto" { export function randomUUID(): string; export function randomInt(min: number, max?: number): number; export function createHash(algorithm: string): { update(data: string): { digest(encoding: "hex" | "base64"): string } }; }
interface Buffer extends Uint8Array { toString(encoding?: string): string }
declare var Buffer: { from(data: string | ArrayLike<number>, encoding?: string): Buffer; isBuffer(value: unknown): value is Buffer };
declare namespace NodeJS { interface Timeout {} interface ErrnoException extends Error { code?: string } }
`;

let cached: TypeLibrary | undefined;

function collect(directory: string, prefix: string, files: Record<string, string>): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) collect(full, `${prefix}${entry.name}/`, files);
    else if (entry.name.endsWith(".d.ts")) files[`${prefix}${entry.name}`] = readFileSync(full, "utf8");
  }
}

export function workspaceTypeLibrary(): TypeLibrary {
  if (cached) return cached;
  const files: Record<string, string> = {};
  const ioredis = path.resolve("node_modules", "ioredis");
  collect(path.join(ioredis, "built"), "ioredis/built/", files);
  files["ioredis/index.d.ts"] = 'export * from "./built/index";\nexport { default } from "./built/index";\n';
  files["@types/sandbox-node/index.d.ts"] = NODE_SHIMS;
  cached = { files };
  return cached;
}
