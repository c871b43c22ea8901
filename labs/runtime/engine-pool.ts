/**
 * Per-learner engines: each learner's playground is an Engine of their own, created on demand,
 * kept in memory while used, snapshotted to DATA_DIR/engines/<learnerId>.json when idle and
 * dropped from memory, restored on next use. Engines are reachable only in-process (by learner
 * id, from trusted code): no port, no socket, no URL.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Engine } from "../../engine/index";
import { restoreSnapshot, type Snapshot, takeSnapshot } from "./snapshot";

/** Ids are used as file names: letters, digits, '-' and '_' only, so no path can be smuggled in. */
const LEARNER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function assertLearnerId(learnerId: string): void {
  if (typeof learnerId !== "string" || !LEARNER_ID.test(learnerId)) {
    throw new Error(`invalid learner id ${JSON.stringify(String(learnerId).slice(0, 80))}`);
  }
}

export interface EnginePoolOptions {
  /** Root of the platform's data; snapshots go to <dataDir>/engines. Default: $DATA_DIR or ./data. */
  dataDir: string;
  /** An engine unused for this long is saved and dropped from memory. */
  idleMs: number;
  /** How often idle engines are looked for. */
  sweepMs: number;
}

interface Entry {
  engine: Engine;
  lastUsed: number;
}

export class LearnerEnginePool {
  readonly options: EnginePoolOptions;
  private readonly engines = new Map<string, Entry>();
  /** Loads in progress, so two concurrent first uses share one engine. */
  private readonly loading = new Map<string, Promise<Engine>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: Partial<EnginePoolOptions> = {}) {
    this.options = { dataDir: process.env.DATA_DIR ?? "./data", idleMs: 10 * 60_000, sweepMs: 30_000, ...options };
    this.sweeper = setInterval(() => void this.reclaimIdle(), this.options.sweepMs);
    this.sweeper.unref();
  }

  private file(learnerId: string): string {
    return path.join(this.options.dataDir, "engines", `${learnerId}.json`);
  }

  /** The learner's engine, restored from its snapshot if it was reclaimed or the site restarted. */
  async getLearnerEngine(learnerId: string): Promise<Engine> {
    assertLearnerId(learnerId);
    const entry = this.engines.get(learnerId);
    if (entry) {
      entry.lastUsed = Date.now();
      return entry.engine;
    }
    let pending = this.loading.get(learnerId);
    if (!pending) {
      pending = this.load(learnerId).finally(() => this.loading.delete(learnerId));
      this.loading.set(learnerId, pending);
    }
    return pending;
  }

  private async load(learnerId: string): Promise<Engine> {
    const engine = new Engine();
    let snapshot: Snapshot | undefined;
    try {
      snapshot = JSON.parse(readFileSync(this.file(learnerId), "utf8")) as Snapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    if (snapshot) await restoreSnapshot(engine, snapshot);
    this.engines.set(learnerId, { engine, lastUsed: Date.now() });
    return engine;
  }

  /** Engines currently in memory. */
  get size(): number {
    return this.engines.size;
  }

  /** Writes the learner's engine to disk (atomically: temp file, then rename). */
  async persist(learnerId: string): Promise<void> {
    assertLearnerId(learnerId);
    const entry = this.engines.get(learnerId);
    if (!entry) return;
    const snapshot = await takeSnapshot(entry.engine);
    const file = this.file(learnerId);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
    renameSync(`${file}.tmp`, file);
  }

  /** Saves and drops engines idle for longer than idleMs. */
  async reclaimIdle(now = Date.now()): Promise<string[]> {
    const idle = [...this.engines].filter(([, entry]) => now - entry.lastUsed >= this.options.idleMs).map(([id]) => id);
    for (const learnerId of idle) {
      await this.persist(learnerId);
      const entry = this.engines.get(learnerId);
      // Used again while saving: keep it (the next sweep saves the newer state).
      if (!entry || now - entry.lastUsed < this.options.idleMs) continue;
      entry.engine.close();
      this.engines.delete(learnerId);
    }
    return idle;
  }

  /** Empties the learner's engine, in memory and on disk. */
  async resetLearnerEngine(learnerId: string): Promise<void> {
    assertLearnerId(learnerId);
    await this.loading.get(learnerId);
    this.engines.get(learnerId)?.engine.close();
    this.engines.delete(learnerId);
    rmSync(this.file(learnerId), { force: true });
  }

  /** Saves every engine and stops (site shutdown). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const learnerId of [...this.engines.keys()]) await this.persist(learnerId);
    for (const entry of this.engines.values()) entry.engine.close();
    this.engines.clear();
  }
}

let defaultPool: LearnerEnginePool | undefined;

/** The site's pool (DATA_DIR, 10-minute idle), created on first use. */
export function learnerEngines(): LearnerEnginePool {
  defaultPool ??= new LearnerEnginePool();
  return defaultPool;
}

export function getLearnerEngine(learnerId: string): Promise<Engine> {
  return learnerEngines().getLearnerEngine(learnerId);
}

export function resetLearnerEngine(learnerId: string): Promise<void> {
  return learnerEngines().resetLearnerEngine(learnerId);
}
