/**
 * The fake database behind a lab: learner code calls `db.<method>(...)`, which travels over the
 * sandbox RPC to this object in the trusted parent. Tests can slow it down, make it fail, and
 * read how often (and when, in virtual time) it was hit.
 */
export type BackendMethod = (...args: never[]) => unknown;

export class FakeBackend {
  calls = 0;
  /** The virtual time of each call (for peaks per second). */
  readonly callTimes: number[] = [];
  /** Real milliseconds each call takes. */
  latencyMs = 0;
  /** When set, calls reject with this message. */
  failure: string | undefined;

  private readonly methods: Record<string, BackendMethod>;

  /** `store` is the backend's data: its methods read and write it, tests inspect it. */
  constructor(
    define: (store: Map<string, unknown>) => Record<string, BackendMethod>,
    private readonly now: () => number,
    readonly store = new Map<string, unknown>(),
  ) {
    this.methods = define(store);
  }

  get methodNames(): string[] {
    return Object.keys(this.methods);
  }

  async invoke(method: string, args: unknown[]): Promise<unknown> {
    const implementation = Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
    if (!implementation) throw new Error(`the backend has no method ${method}`);
    this.calls++;
    this.callTimes.push(this.now());
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (this.failure !== undefined) throw new Error(this.failure);
    return (implementation as (...args: unknown[]) => unknown)(...args);
  }

  /** Most calls that fell in any one window of `windowMs` of virtual time. */
  peakCallsPer(windowMs: number): number {
    const buckets = new Map<number, number>();
    for (const time of this.callTimes) {
      const bucket = Math.floor(time / windowMs);
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    }
    return Math.max(0, ...buckets.values());
  }
}
