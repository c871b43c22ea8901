import type { LabDefinition } from "../grader/types";

interface Product {
  id: string;
  name: string;
  price: number;
}

const HOUR = 3_600_000;
const product = (id: string, price = 19.99): Product => ({ id, name: `Product ${id}`, price });

export const lab: LabDefinition = {
  slug: "cache-aside-stampede",
  title: "Cache-aside with stampede protection",
  functions: ["getProduct"],
  backend: (store) => ({
    loadProduct: (id: string) => store.get(`product:${id}`) ?? null,
  }),
  hints: [
    "Start with plain cache-aside: GET; on a miss loadProduct, then SET ... EX.",
    "On a miss, try SET product:<id>:rebuild <token> NX PX 5000. Whoever gets it loads and fills the cache; others sleep 20 ms and GET again.",
    "A map of in-flight promises per process cuts the Redis polling too, but it cannot coordinate 4 processes on its own.",
  ],
  tests: [
    {
      name: "a miss loads from the database, a hit does not",
      visible: true,
      explanation: "Cache-aside: the first read fills the cache, later reads are served by Redis without touching the database.",
      async run(t) {
        t.backend.store.set("product:1", product("1"));
        const app = await t.app();
        t.expectEqual(await app.call("getProduct", "1"), product("1"), "first read");
        t.expectEqual(await app.call("getProduct", "1"), product("1"), "second read");
        t.expectEqual(t.backend.calls, 1, "database calls for two reads");
      },
    },
    {
      name: "cached products expire within an hour",
      visible: true,
      explanation: "Every cache entry needs a TTL, or a change in the database never reaches the cache.",
      async run(t) {
        t.backend.store.set("product:2", product("2"));
        const app = await t.app();
        await app.call("getProduct", "2");
        const cacheKeys = [...(await t.keysWithTtl())].filter(([key]) => !/rebuild|lock/i.test(key));
        t.expect(cacheKeys.length > 0, "the product must be cached in Redis");
        for (const [key, ttl] of cacheKeys) {
          t.expect(ttl > 0 && ttl <= HOUR, `key ${key} must expire within an hour`, "0 < TTL ≤ 3600 s", ttl === -1 ? "no TTL" : `${ttl} ms`);
        }
      },
    },
    {
      name: "500 simultaneous misses on a cold key from 4 app servers cost at most 2 database calls",
      visible: false,
      appServers: 4,
      explanation:
        "When a hot key is cold, every concurrent request misses. Without coordination each one queries the database " +
        "(the stampede). One caller must rebuild while the others wait for the cache; per-process coalescing still costs " +
        "one load per app server.",
      timeoutMs: 20_000,
      async run(t) {
        t.backend.store.set("product:3", product("3"));
        // A slow load (1 s) keeps the key cold until every app server has received its requests,
        // however loaded the host is: solutions that coordinate only within a process load 4 times.
        t.backend.latencyMs = 1_000;
        const apps = await t.apps(4);
        const results = await t.spread<Product>(apps, 500, "getProduct", () => ["3"]);
        t.expectEqual(results.filter((result) => result?.price !== 19.99).length, 0, "requests that got a wrong product");
        t.expect(t.backend.calls <= 2, "at most 2 database calls", "≤ 2", t.backend.calls);
      },
    },
    {
      name: "a changed product is served fresh once its cache entry expires",
      visible: false,
      explanation: "The TTL bounds staleness: after it passes, the next read must load the new data.",
      async run(t) {
        t.backend.store.set("product:4", product("4", 10));
        const app = await t.app();
        await app.call("getProduct", "4");
        t.backend.store.set("product:4", product("4", 12));
        t.advance(HOUR + 1000);
        t.expectEqual(await app.call("getProduct", "4"), product("4", 12), "read an hour after the price changed");
      },
    },
    {
      name: "a database error is not cached",
      visible: false,
      explanation: "If loading fails the request fails, but nothing wrong may be stored: the next request must load again and succeed.",
      async run(t) {
        t.backend.store.set("product:5", product("5"));
        const app = await t.app();
        t.backend.failure = "database timeout";
        const failed = await app.call("getProduct", "5").then(
          () => false,
          () => true,
        );
        t.expect(failed, "getProduct must fail while the database fails");
        t.backend.failure = undefined;
        t.expectEqual(await app.call("getProduct", "5"), product("5"), "read after the database recovered");
      },
    },
  ],
};
