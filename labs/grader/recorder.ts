/**
 * Watches every command an engine executes through its command listeners (called after each
 * command, including those queued in EXEC and run by scripts — so a script's inner commands are
 * logged just before the EVAL that ran them): per-key access counts and a log of what the
 * solution sent, for hot-key checks and failure reports.
 */
import { type Engine, fromBinary, type LocalClient } from "../../engine/index";

type Listener = Engine["commandListeners"][number];
type Spec = Parameters<Listener>[1];

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

  constructor(engine: Engine, grader: LocalClient) {
    engine.commandListeners.push((client, spec, argv) => {
      if (client !== grader.client) this.record(client.transport, spec, argv);
    });
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
