/**
 * Watches every command an engine executes by wrapping its command path (Engine.call, which
 * top-level commands, EXEC's queue and scripts' redis.call all go through): per-key access
 * counts and a log of what the solution sent, for hot-key checks and failure reports.
 */
import { type Engine, type LocalClient } from "../../engine/index";
import { fromBinary } from "../../engine/index";

type Call = Engine["call"];
type Spec = Parameters<Call>[1];

/** How many of the solution's most recent commands a failure report shows. */
const LOG_LIMIT = 40;

function keysOf(spec: Spec, argv: string[]): string[] {
  if (spec.getKeys) return spec.getKeys(argv).map((index) => argv[index]!);
  if (spec.firstKey <= 0) return [];
  const last = spec.lastKey < 0 ? argv.length + spec.lastKey : spec.lastKey;
  const keys: string[] = [];
  for (let index = spec.firstKey; index <= last && index < argv.length; index += Math.max(1, spec.keyStep)) keys.push(argv[index]!);
  return keys;
}

function show(arg: string): string {
  const text = fromBinary(arg);
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return /^[\w:.\-+*{}@/]+$/.test(shown) ? shown : JSON.stringify(shown);
}

export class CommandRecorder {
  /** Commands per key issued by the solution (not by the grader's own client). */
  readonly keyAccess = new Map<string, number>();
  readonly log: string[] = [];
  totalCommands = 0;
  private readonly sources = new Map<string, string>();

  constructor(
    engine: Engine,
    private readonly grader: LocalClient,
  ) {
    const original: Call = engine.call.bind(engine);
    engine.call = (ctx, spec, argv) => {
      if (ctx.client !== grader.client) this.record(ctx.client.transport, spec, argv);
      return original(ctx, spec, argv);
    };
  }

  /** Names the connections arriving through `address` ("app 2") in the log. */
  nameSource(address: string, name: string): void {
    this.sources.set(address, name);
  }

  private record(transport: { kind: string; remoteAddress: string }, spec: Spec, argv: string[]): void {
    this.totalCommands++;
    for (const key of keysOf(spec, argv)) {
      const text = fromBinary(key);
      this.keyAccess.set(text, (this.keyAccess.get(text) ?? 0) + 1);
    }
    const source = this.sources.get(transport.remoteAddress) ?? (transport.kind === "local" ? "lua" : "app");
    this.log.push(`[${source}] ${argv.map(show).join(" ")}`);
    if (this.log.length > LOG_LIMIT * 2) this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  recentCommands(): string[] {
    return this.log.slice(-LOG_LIMIT);
  }
}
