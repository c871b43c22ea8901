/**
 * Pre-started sandbox workers. A worker serves one submission (as one of its app servers, for
 * every test in turn) and is then killed: nothing a run does to its process can reach the next
 * learner. Idle workers are booted ahead of time so a submission rarely waits for Node to start.
 *
 * Submissions lease all the app servers they need at once, first come first served, and at most
 * `max` workers are leased at a time: a burst of submissions queues instead of overloading the
 * host, and two submissions can never each hold half of what the other needs.
 */
import { workerBundle } from "./bundle";
import { DEFAULT_LIMITS, SandboxWorker, type WorkerLimits } from "./worker";

export interface PoolOptions {
  /** Booted workers kept waiting. */
  idle: number;
  /** Workers leased at once; lease() queues beyond this. */
  max: number;
  limits: WorkerLimits;
}

export class WorkerPool {
  readonly options: PoolOptions;
  private readonly idle: SandboxWorker[] = [];
  private booting = 0;
  private leased = 0;
  private readonly queue: { count: number; grant: () => void }[] = [];
  private closed = false;

  constructor(options: Partial<PoolOptions> = {}) {
    this.options = { idle: 4, max: 8, limits: DEFAULT_LIMITS, ...options };
  }

  /** Boots the idle workers (lease() does it lazily too). */
  async warm(): Promise<void> {
    this.refill();
    await Promise.all(this.idle.map((worker) => worker.ready.catch(() => {})));
  }

  /** `count` booted workers for the caller's exclusive use; give each back with release(). */
  async lease(count: number): Promise<SandboxWorker[]> {
    if (count > this.options.max) throw new Error(`cannot lease ${count} workers from a pool of ${this.options.max}`);
    if (this.leased + count > this.options.max || this.queue.length > 0) {
      await new Promise<void>((grant) => this.queue.push({ count, grant }));
    } else {
      this.leased += count;
    }
    return Promise.all(Array.from({ length: count }, () => this.take()));
  }

  /** Kills a leased worker and frees its slot. */
  release(worker: SandboxWorker): void {
    worker.resume();
    worker.process.kill("SIGKILL");
    this.leased--;
    this.grantWaiting();
  }

  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    for (const worker of idle) worker.process.kill("SIGKILL");
    await Promise.all(idle.map((worker) => worker.exited));
  }

  private grantWaiting(): void {
    while (this.queue.length > 0 && this.leased + this.queue[0]!.count <= this.options.max) {
      const next = this.queue.shift()!;
      this.leased += next.count;
      next.grant();
    }
  }

  /** An idle worker if one is booted (or booting), else a new one; retries if one dies while booting. */
  private async take(): Promise<SandboxWorker> {
    for (;;) {
      if (this.closed) throw new Error("the sandbox pool is closed");
      const worker = this.idle.shift() ?? (await this.start());
      this.refill();
      try {
        await worker.ready;
        return worker;
      } catch {
        // It died before booting (killed, out of resources): try another one.
      }
    }
  }

  private async start(): Promise<SandboxWorker> {
    return new SandboxWorker(await workerBundle(), this.options.limits);
  }

  private refill(): void {
    while (!this.closed && this.idle.length + this.booting < this.options.idle) {
      this.booting++;
      void this.start().then(
        (worker) => {
          this.booting--;
          if (this.closed) worker.process.kill("SIGKILL");
          else this.idle.push(worker);
          // A worker that dies while idle must not be handed out.
          void worker.exited.then(() => {
            const at = this.idle.indexOf(worker);
            if (at >= 0) this.idle.splice(at, 1);
          });
        },
        () => this.booting--,
      );
    }
  }
}
