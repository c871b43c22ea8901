/**
 * The latency monitor (LATENCY LATEST/HISTORY/GRAPH/DOCTOR/RESET): commands that take at least
 * latency-monitor-threshold ms are recorded as "command" or "fast-command" events, one sample
 * per event per second (the worst), 160 samples per event, as in Redis's latency.c.
 */
import type { Clock } from "./clock";
import type { CommandSpec } from "./commands/spec";
import type { Config } from "./config";

const SAMPLES_PER_EVENT = 160;
const GRAPH_COLUMNS = 80;
const GRAPH_ROWS = 4;

export interface LatencySample {
  /** Unix time in seconds. */
  time: number;
  latencyMs: number;
}

export interface LatencyEvent {
  samples: LatencySample[];
  maxMs: number;
}

export class LatencyMonitor {
  readonly events = new Map<string, LatencyEvent>();
  private thresholdMs: number;

  constructor(
    config: Config,
    private readonly clock: Clock,
  ) {
    this.thresholdMs = config.getNumber("latency-monitor-threshold");
    config.onChange("latency-monitor-threshold", (value) => (this.thresholdMs = Number(value)));
  }

  /** Called after every command with its duration. */
  recordCommand(spec: CommandSpec, durationUs: number): void {
    if (this.thresholdMs === 0) return;
    const latencyMs = Math.floor(durationUs / 1000);
    if (latencyMs < this.thresholdMs) return;
    this.addSample(spec.flags.has("fast") ? "fast-command" : "command", latencyMs);
  }

  addSample(name: string, latencyMs: number): void {
    const time = Math.floor(this.clock.now() / 1000);
    let event = this.events.get(name);
    if (event === undefined) this.events.set(name, (event = { samples: [], maxMs: 0 }));
    event.maxMs = Math.max(event.maxMs, latencyMs);
    const last = event.samples[event.samples.length - 1];
    if (last !== undefined && last.time === time) {
      last.latencyMs = Math.max(last.latencyMs, latencyMs);
      return;
    }
    event.samples.push({ time, latencyMs });
    if (event.samples.length > SAMPLES_PER_EVENT) event.samples.shift();
  }

  /** Forgets the named events (all when none are named); returns how many existed. */
  reset(names: string[]): number {
    if (names.length === 0) {
      const count = this.events.size;
      this.events.clear();
      return count;
    }
    let count = 0;
    for (const name of names) if (this.events.delete(name)) count++;
    return count;
  }

  /** LATENCY GRAPH: a header, a rule and a sparkline of the samples with their ages below. */
  graph(name: string): string | undefined {
    const event = this.events.get(name);
    if (event === undefined || event.samples.length === 0) return undefined;
    const latencies = event.samples.map((sample) => sample.latencyMs);
    const high = Math.max(...latencies);
    const low = Math.min(...latencies);
    let text = `${name} - high ${high} ms, low ${low} ms (all time high ${event.maxMs} ms)\n${"-".repeat(GRAPH_COLUMNS)}\n`;
    const now = Math.floor(this.clock.now() / 1000);
    const samples = event.samples.slice(-GRAPH_COLUMNS);
    // Each row holds three levels: '_', '-', '`'; a filled column shows '|' below its top.
    const levels = GRAPH_ROWS * 3;
    const heights = samples.map((sample) => (high === low ? 0 : Math.round(((sample.latencyMs - low) / (high - low)) * (levels - 1))));
    for (let row = GRAPH_ROWS - 1; row >= 0; row--) {
      let line = "";
      for (const height of heights) {
        const top = Math.floor(height / 3);
        if (top === row) line += "_-`"[height % 3];
        else line += top > row ? "|" : " ";
      }
      text += `${line}\n`;
    }
    const labels = samples.map((sample) => ageLabel(now - sample.time));
    const labelRows = Math.max(...labels.map((label) => label.length));
    text += `${" ".repeat(samples.length)}\n`;
    for (let row = 0; row < labelRows; row++) text += `${labels.map((label) => label[row] ?? " ").join("")}\n`;
    return text;
  }

  /** LATENCY DOCTOR: a short report of the recorded events and what to look at. */
  doctor(): string {
    if (this.events.size === 0) {
      return "Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n";
    }
    let text = "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n";
    let index = 1;
    let slowCommands = false;
    let fastCommands = false;
    for (const [name, event] of this.events) {
      const latencies = event.samples.map((sample) => sample.latencyMs);
      const average = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
      const deviation = latencies.reduce((sum, value) => sum + Math.abs(value - average), 0) / latencies.length;
      const first = event.samples[0]!.time;
      const last = event.samples[event.samples.length - 1]!.time;
      const period = latencies.length > 1 ? (last - first) / (latencies.length - 1) : 1;
      text += `${index++}. ${name}: ${latencies.length} latency spikes (average ${Math.round(average)}ms, mean deviation ${Math.round(deviation)}ms, period ${period.toFixed(2)} sec). Worst all time event ${event.maxMs}ms.\n`;
      if (name === "command") slowCommands = true;
      if (name === "fast-command") fastCommands = true;
    }
    text += "\nI have a few advices for you:\n\n";
    if (slowCommands) {
      text += "- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n";
      text +=
        "- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n";
    }
    if (fastCommands) {
      text +=
        "- The system is slow to execute Redis code paths not containing slow commands. This usually means the system does not provide Redis CPU time at a proper rate. Make sure there are no other processes running in the same system that are using a lot of CPU time.\n";
    }
    return text;
  }
}

/** The age of a sample as the graph labels it: 12s, 5m, 3h, 2d. */
function ageLabel(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
