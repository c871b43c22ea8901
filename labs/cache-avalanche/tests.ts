import type { TestContext } from "../grader/context";
import type { LabDefinition } from "../grader/types";

interface Product {
  id: string;
  name: string;
  price: number;
}

const HOUR_MS = 3_600_000;
/** The replay of expiring keys moves the clock 10 s at a time. */
const REPLAY_STEP_MS = 10_000;
const products = (count: number): Product[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(i), name: `Product ${i}`, price: 1 + (i % 50) }));

/** Warms the cache with 10,000 products through app server 1. */
async function warm(t: TestContext): Promise<Product[]> {
  const catalog = products(10_000);
  await (await t.app()).call("warmCache", catalog);
  return catalog;
}

/** Remaining TTL (ms) of each product's key, in catalog order. */
async function ttlsOf(t: TestContext, catalog: Product[]): Promise<number[]> {
  const ttls: number[] = [];
  for (const product of catalog) ttls.push(await t.cmd<number>("PTTL", `product:${product.id}`));
  return ttls;
}

/** The most keys that expire within one second of the clock, given their TTLs at `now`. */
function busiestSecond(now: number, ttls: number[]): number {
  const perSecond = new Map<number, number>();
  for (const ttl of ttls) {
    if (ttl < 0) continue;
    const second = Math.floor((now + ttl) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return Math.max(0, ...perSecond.values());
}

export const lab: LabDefinition = {
  slug: "cache-avalanche",
  title: "Cache avalanche: jittered TTLs",
  functions: ["warmCache", "getProduct"],
  backend: (store) => ({
    loadProduct: (id: string) => store.get(`product:${id}`) ?? null,
  }),
  hints: [
    "TTL = 3600 + a random whole number of seconds in [0, 900).",
    "Write the 10,000 keys through one pipeline.",
    "Use the same jittered TTL when getProduct refills a missing key.",
  ],
  tests: [
    {
      name: "warming stores every product with a TTL between 1 hour and 1 hour 15 minutes",
      visible: true,
      explanation: "Each of the 10,000 products must be cached as product:<id>, expiring between 60 and 75 minutes from now.",
      timeoutMs: 20_000,
      async run(t) {
        const catalog = await warm(t);
        t.expectEqual(await t.cmd("DBSIZE"), catalog.length, "keys after warming");
        t.expectEqual(JSON.parse(await t.cmd<string>("GET", "product:1234")), catalog[1234], "product:1234");
        const ttls = await ttlsOf(t, catalog);
        const outside = ttls.filter((ttl) => ttl < HOUR_MS || ttl > HOUR_MS * 1.25).length;
        t.expectEqual(outside, 0, "keys whose TTL is outside [1 h, 1 h 15 min]");
      },
    },
    {
      name: "no one-second window sees more than 2% of the warmed keys expire",
      visible: true,
      explanation:
        "Keys written together with the same TTL expire together: every request misses in the same second and the database " +
        "takes the whole load (the avalanche). Random jitter spreads the expirations over minutes.",
      timeoutMs: 20_000,
      async run(t) {
        const catalog = await warm(t);
        const busiest = busiestSecond(t.clock.now(), await ttlsOf(t, catalog));
        t.expect(busiest <= catalog.length * 0.02, "keys expiring in the busiest second", "≤ 200", busiest);
      },
    },
    {
      name: "refills after misses are jittered too",
      visible: false,
      appServers: 2,
      explanation:
        "After an outage or a flush every key is refilled within moments: with a fixed TTL on refill they all expire together " +
        "an hour later. The refill path needs the same jitter.",
      timeoutMs: 20_000,
      async run(t) {
        const apps = await t.apps(2);
        const catalog = products(500);
        for (const product of catalog) t.backend.store.set(`product:${product.id}`, product);
        await t.spread(apps, catalog.length, "getProduct", (i) => [catalog[i]!.id]);
        t.expectEqual(t.backend.calls, catalog.length, "database calls to fill 500 cold keys");
        const busiest = busiestSecond(t.clock.now(), await ttlsOf(t, catalog));
        t.expect(busiest <= catalog.length * 0.05, "refilled keys expiring in the busiest second", "≤ 25", busiest);
      },
    },
    {
      name: "the database's busiest 10 seconds stay calm while the warmed keys expire",
      visible: false,
      appServers: 2,
      explanation:
        "Popular products are requested as soon as they expire. The grader replays that traffic through the expiry period, " +
        "10 seconds at a time, and counts database calls: with jitter they stay a trickle instead of one spike.",
      timeoutMs: 60_000,
      async run(t) {
        const apps = await t.apps(2);
        const catalog = products(2_000);
        for (const product of catalog) t.backend.store.set(`product:${product.id}`, product);
        await apps[0]!.call("warmCache", catalog);
        const expiring = new Map<number, string[]>();
        const now = t.clock.now();
        for (const product of catalog) {
          const ttl = await t.cmd<number>("PTTL", `product:${product.id}`);
          const slot = Math.floor((now + ttl) / REPLAY_STEP_MS);
          expiring.set(slot, [...(expiring.get(slot) ?? []), product.id]);
        }
        for (const slot of [...expiring.keys()].sort((a, b) => a - b)) {
          const ids = expiring.get(slot)!;
          t.advance(Math.max(0, (slot + 1) * REPLAY_STEP_MS - t.clock.now()));
          await t.spread(apps, ids.length, "getProduct", (i) => [ids[i]!]);
        }
        const peak = t.backend.peakCallsPer(REPLAY_STEP_MS);
        t.expect(peak <= catalog.length * 0.05, "database calls in the busiest 10 seconds", "≤ 100", peak);
      },
    },
  ],
};
