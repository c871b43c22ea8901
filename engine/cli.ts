/**
 * Standalone server, started like redis-server:
 *   npm run engine -- [/path/to/redis.conf] [--port 6380] [--requirepass secret] [--save ""] ...
 * Every `--name value` pair is a config directive, as redis-server accepts them.
 */
import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { Engine, REDIS_VERSION } from "./engine";
import { listen } from "./server";
import { splitInlineArgs } from "./protocol/parser";

/** Reads redis.conf-style text: one directive per line, `#` comments, quoted values. */
export function parseConfigFile(text: string): Record<string, string> {
  const directives: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const words = splitInlineArgs(line);
    if (words === undefined || words.length === 0) throw new Error(`Bad directive: ${line}`);
    const [name, ...values] = words;
    directives[name!.toLowerCase()] = values.join(" ");
  }
  return directives;
}

/** A parsed command line: the config file (if any) and the directives, file first, flags after. */
export interface CommandLine {
  configFile: string | undefined;
  directives: Record<string, string>;
}

/** Turns argv into config directives: an optional config file, then `--name value...` pairs. */
export function parseCommandLine(args: string[]): CommandLine {
  let directives: Record<string, string> = {};
  let configFile: string | undefined;
  let i = 0;
  if (args[0] !== undefined && !args[0].startsWith("--")) {
    configFile = resolve(args[0]);
    directives = parseConfigFile(readFileSync(configFile, "utf8"));
    i = 1;
  }
  while (i < args.length) {
    const flag = args[i]!;
    if (!flag.startsWith("--")) throw new Error(`Unexpected argument '${flag}'`);
    const values: string[] = [];
    i++;
    while (i < args.length && !args[i]!.startsWith("--")) values.push(args[i++]!);
    directives[flag.slice(2).toLowerCase()] = values.join(" ");
  }
  return { configFile, directives };
}

const USAGE = `Usage: npm run engine -- [/path/to/redis.conf] [--name value ...]
Examples:
  npm run engine -- --port 6380
  npm run engine -- /etc/redis.conf --requirepass secret --unixsocket /tmp/engine.sock
`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--version" || args[0] === "-v") {
    process.stdout.write(`Redis server v=${REDIS_VERSION} (TypeScript engine)\n`);
    return;
  }
  if (args[0] === "--help" || args[0] === "-h") {
    process.stdout.write(USAGE);
    return;
  }
  const { configFile, directives } = parseCommandLine(args);
  const engine = new Engine({ config: directives });
  engine.configFile = configFile;
  const port = engine.config.getNumber("port");
  const unixSocket = engine.config.get("unixsocket") || undefined;
  const host = engine.config.get("bind").split(/\s+/)[0]!.replace(/^-/, "");
  const server = await listen(engine, { port: port === 0 && unixSocket ? undefined : port, host, unixSocket });
  const addresses = [server.port !== undefined ? `${host}:${server.port}` : undefined, unixSocket].filter(Boolean).join(" ");
  process.stdout.write(`Engine ready (Redis ${REDIS_VERSION}-compatible) on ${addresses}, pid ${process.pid}. Ready to accept connections\n`);
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${reason}, shutting down. Bye bye...\n`);
    void server.close().then(() => {
      engine.close();
      if (unixSocket !== undefined) rmSync(unixSocket, { force: true });
      process.exit(0);
    });
  };
  process.on("SIGINT", () => shutdown("Received SIGINT"));
  process.on("SIGTERM", () => shutdown("Received SIGTERM"));
  engine.onShutdown = () => shutdown("User requested shutdown");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
