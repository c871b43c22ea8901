import type { TestContext } from "../grader/context";
import type { LabDefinition } from "../grader/types";

const ITEMS = 1_000;

async function seedItems(t: TestContext): Promise<void> {
  for (let i = 0; i < ITEMS; i++) await t.cmd("SET", `item:${i}`, `value-${i}-v1`);
}

export const lab: LabDefinition = {
  slug: "hot-key",
  title: "Hot key",
  functions: ["getItem"],
  hints: [
    "A Map at module level is a per-app-server cache: store { value, expiresAt } with Date.now() + 5000.",
    "Share one in-flight promise per id so a burst of concurrent misses costs one GET.",
    "Staleness is bounded by the local TTL: keep it well under 30 s.",
  ],
  tests: [
    {
      name: "returns an item's value, and null for a missing item",
      visible: true,
      explanation: "getItem reads item:<id> from Redis (through whatever cache you add).",
      async run(t) {
        await t.cmd("SET", "item:7", "seven");
        const app = await t.app();
        t.expectEqual(await app.call("getItem", "7"), "seven", "item 7");
        t.expectEqual(await app.call("getItem", "9999"), null, "missing item 9999");
      },
    },
    {
      name: "the hottest key gets at most 20% of its reads from Redis under Zipf traffic",
      visible: false,
      appServers: 4,
      explanation:
        "Under Zipf traffic the top key takes a large share of all reads, and in a cluster they all hit one shard. A short " +
        "local cache (or reads spread over key copies) must absorb most of them.",
      timeoutMs: 30_000,
      async run(t) {
        await seedItems(t);
        const apps = await t.apps(4);
        const nextRank = t.zipf(ITEMS, 1.1, 7);
        const requests = new Map<string, number>();
        for (let round = 0; round < 20; round++) {
          const ids = Array.from({ length: 100 }, () => String(nextRank()));
          for (const id of ids) requests.set(id, (requests.get(id) ?? 0) + 1);
          const values = await t.spread<string | null>(apps, ids.length, "getItem", (i) => [ids[i]!]);
          const wrong = values.findIndex((value, i) => value !== `value-${ids[i]}-v1`);
          t.expect(wrong < 0, `getItem(${ids[wrong]}) returned a wrong value`, `value-${ids[wrong]}-v1`, values[wrong]);
          t.advance(1_000);
        }
        const [hottest, hottestReads] = [...requests].sort((a, b) => b[1] - a[1])[0]!;
        const [busiestKey, busiestLoad] = [...t.recorder.keyAccess].sort((a, b) => b[1] - a[1])[0] ?? ["(none)", 0];
        t.expect(
          busiestLoad <= hottestReads * 0.2,
          `the busiest key (${busiestKey}) must see at most 20% of the ${hottestReads} reads of the hottest item (item ${hottest})`,
          `≤ ${Math.floor(hottestReads * 0.2)} commands`,
          `${busiestLoad} commands`,
        );
      },
    },
    {
      name: "a changed item is served by every app server within 30 seconds",
      visible: false,
      appServers: 4,
      explanation: "A cache trades freshness for load: its TTL is the staleness bound. Without one (or with a long one) updates never show up.",
      timeoutMs: 20_000,
      async run(t) {
        await t.cmd("SET", "item:0", "old price");
        const apps = await t.apps(4);
        for (let i = 0; i < 3; i++) await t.spread(apps, 40, "getItem", () => ["0"]);
        await t.cmd("SET", "item:0", "new price");
        for (let second = 1; second <= 30; second++) {
          t.advance(1_000);
          await t.spread(apps, 8, "getItem", () => ["0"]);
        }
        const seen = await Promise.all(apps.map((app) => app.call("getItem", "0")));
        t.expectEqual(seen, ["new price", "new price", "new price", "new price"], "what each app server returns 30 s after the update");
      },
    },
  ],
};
