/**
 * Pre-started sandbox workers. A worker serves one submission (possibly as several app servers
 * in turn of its tests) and is then killed: nothing a run does to its process can reach the
 * next learner. Idle workers are started ahead of time so a submission rarely waits for Node to
 * boot; a cap on live workers keeps a burst of submissions from exhausting the host.
 */
import { workerBundle } from "./bundle";
import { DEFAULT_LIMITS, SandboxWorker, type WorkerLimits } from "./worker";

export interface PoolOptions {
  /** Booted workers kept waiting. */
  idle: number;
  /** Workers alive at once (idle + leased); acquire() waits beyond this. */
  max: number;
  limits: WorkerLimits;
}

export class WorkerPool {
  private readonly idle: SandboxWorker[] = [];
  private live = 0;
  private readonly waiters: (() => void)[] = [];
  private closed = false;
  readonly options: PoolOptions;

  constructor(options: Partial<PoolOptions> = {}) {
    this.options = { idle: 4, max: 24, limits: DEFAULT_LIMITS, ...options };
  }

  /** Starts the idle workers; acquire() does it lazily too. */
  async warm(): Promise<void> {
    await this.refill();
  }

  /** A booted worker for the caller's exclusive use; give it back with release(). */
  async acquire(): Promise<SandboxWorker> {
    for (;;) {
      if (this.closed) throw new Error("the sandbox pool is closed");
      const worker = this.idle.shift();
      if (worker) {
        void this.refill();
        try {
          await worker.ready;
          return worker;
        } catch {
          this.forget(worker);
          continue;
        }
      }
      if (this.live < this.options.max) {
        const fresh = await this.start();
        try {
          await fresh.ready;
          return fresh;
        } catch (error) {
          this.forget(fresh);
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Kills a worker after use. */
  release(worker: SandboxWorker): void {
    worker.resume();
    worker.process.kill("SIGKILL");
    void worker.exited.then(() => this.forget(worker));
  }

  get liveWorkers(): number {
    return this.live;
  }

  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    for (const worker of idle) worker.process.kill("SIGKILL");
    await Promise.all(idle.map((worker) => worker.exited));
  }

  private forgotten = new WeakSet<SandboxWorker>();

  private forget(worker: SandboxWorker): void {
    if (this.forgotten.has(worker)) return;
    this.forgotten.add(worker);
    this.live--;
    this.waiters.shift()?.();
    void this.refill();
  }

  private async start(): Promise<SandboxWorker> {
    this.live++;
    let bundle: string;
    try {
      bundle = await workerBundle();
    } catch (error) {
      this.live--;
      throw error;
    }
    const worker = new SandboxWorker(bundle, this.options.limits);
    // A worker that dies while idle (it should not) must not hold a slot.
    void worker.exited.then(() => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) {
        this.idle.splice(at, 1);
        this.forget(worker);
      }
    });
    return worker;
  }

  private booting = 0;

  private async refill(): Promise<void> {
    while (!this.closed && this.idle.length + this.booting < this.options.idle && this.live < this.options.max) {
      this.booting++;
      try {
        this.idle.push(await this.start());
      } finally {
        this.booting--;
      }
    }
  }
}
