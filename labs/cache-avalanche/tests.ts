import type { TestContext } from "../grader/context";
import type { LabDefinition } from "../grader/types";

interface Product {
  id: string;
  name: string;
  price: number;
}

const HOUR_MS = 3_600_000;
const products = (count: number): Product[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(i), name: `Product ${i}`, price: 1 + (i % 50) }));

/** How many of `keys` expire in each second of the clock, as absolute expiry seconds → count. */
async function expirationsPerSecond(t: TestContext, keys: string[]): Promise<Map<number, number>> {
  const now = t.clock.now();
  const perSecond = new Map<number, number>();
  for (const key of keys) {
    const ttl = await t.cmd<number>("PTTL", key);
    if (ttl < 0) continue;
    const second = Math.floor((now + ttl) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return perSecond;
}

export const lab: LabDefinition = {
  slug: "cache-avalanche",
  title: "Cache avalanche: jittered TTLs",
  appServers: 2,
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
        const app = await t.app();
        const catalog = products(10_000);
        await app.call("warmCache", catalog);
        t.expectEqual(await t.cmd("DBSIZE"), catalog.length, "keys after warming");
        t.expectEqual(JSON.parse(await t.cmd<string>("GET", "product:1234")), catalog[1234], "product:1234");
        let outside = 0;
        for (const product of catalog) {
          const ttl = await t.cmd<number>("PTTL", `product:${product.id}`);
          if (ttl < HOUR_MS || ttl > HOUR_MS * 1.25) outside++;
        }
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
        const app = await t.app();
        const catalog = products(10_000);
        await app.call("warmCache", catalog);
        const perSecond = await expirationsPerSecond(t, catalog.map((product) => `product:${product.id}`));
        const busiest = Math.max(0, ...perSecond.values());
        t.expect(busiest <= catalog.length * 0.02, "keys expiring in the busiest second", "≤ 200", busiest);
      },
    },
    {
      name: "refills after misses are jittered too",
      visible: false,
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
        const perSecond = await expirationsPerSecond(t, catalog.map((product) => `product:${product.id}`));
        const busiest = Math.max(0, ...perSecond.values());
        t.expect(busiest <= catalog.length * 0.05, "refilled keys expiring in the busiest second", "≤ 25", busiest);
      },
    },
    {
      name: "the database's busiest second stays low while the warmed keys expire",
      visible: false,
      explanation:
        "Popular products are requested as soon as they expire. The grader replays that traffic second by second through the " +
        "expiry period and counts database calls per second: with jitter they stay a trickle instead of one spike.",
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
          const second = Math.floor((now + ttl) / 1000);
          expiring.set(second, [...(expiring.get(second) ?? []), product.id]);
        }
        for (const second of [...expiring.keys()].sort((a, b) => a - b)) {
          const ids = expiring.get(second)!;
          t.advance(Math.max(0, (second + 1) * 1000 - t.clock.now()));
          await t.spread(apps, ids.length, "getProduct", (i) => [ids[i]!]);
        }
        const peak = t.backend.peakCallsPer(1000);
        t.expect(peak <= catalog.length * 0.05, "database calls in the busiest second", "≤ 100", peak);
      },
    },
  ],
};
