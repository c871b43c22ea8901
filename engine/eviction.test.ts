import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";
import { Engine } from "./engine";
import { EVICTION_POOL_SIZE, evictionPoolKeys } from "./eviction";
import type { LocalClient } from "./local-client";
import { usedMemory } from "./memory";
import { ErrorReply, PushReply, type Reply, VerbatimReply } from "./protocol/reply";
import { seededRandom } from "./testing/differential";

const OOM = "OOM command not allowed when used memory > 'maxmemory'.";
const VALUE = "v".repeat(200);

interface Setup {
  engine: Engine;
  clock: VirtualClock;
  client: LocalClient;
  /** Caps used memory at what it is now plus `bytes`. */
  limit(bytes: number): Promise<void>;
  exists(key: string): Promise<boolean>;
  close(): void;
}

function setup(policy: string, config: Record<string, string> = {}): Setup {
  const clock = new VirtualClock();
  const engine = new Engine({ clock, random: seededRandom(7), config: { "maxmemory-policy": policy, ...config } });
  const client = engine.connect();
  return {
    engine,
    clock,
    client,
    limit: async (bytes) => {
      await client.call("CONFIG", "SET", "maxmemory", String(usedMemory(engine) + bytes));
    },
    exists: async (key) => (await client.call("EXISTS", key)) === 1,
    close: () => engine.close(),
  };
}

/** The error text of a reply, or "" when it is not an error. */
async function errorOf(promise: Promise<Reply>): Promise<string> {
  const reply = await promise;
  return reply instanceof ErrorReply ? reply.message : "";
}

describe("noeviction", () => {
  it("refuses denyoom writes with the OOM error while reads and deletes still work", async () => {
    const { client, limit, close } = setup("noeviction");
    await limit(2000);
    let written = 0;
    let refusal = "";
    for (let i = 0; i < 100 && refusal === ""; i++) {
      refusal = await errorOf(client.call("SET", `key:${i}`, VALUE));
      if (refusal === "") written++;
    }
    expect(refusal).toBe(OOM);
    expect(written).toBeGreaterThan(3);
    expect(await client.call("GET", "key:0")).toBe(VALUE);
    expect(await client.call("DBSIZE")).toBe(written);
    expect(await errorOf(client.call("LPUSH", "list", "x"))).toBe(OOM);
    expect(await client.call("DEL", "key:0", "key:1")).toBe(2);
    expect(await errorOf(client.call("SET", "again", "x"))).toBe("");
    close();
  });
});

describe("allkeys policies", () => {
  it("allkeys-lru evicts the least recently used keys and keeps the recently read ones", async () => {
    const { client, clock, limit, exists, engine, close } = setup("allkeys-lru", { "maxmemory-samples": "10" });
    await limit(40 * 310);
    for (let i = 0; i < 30; i++) {
      await client.call("SET", `old:${i}`, VALUE);
      clock.advance(1000);
    }
    // Five old keys are read again, so they are now the most recently used of the old ones.
    for (let i = 0; i < 5; i++) await client.call("GET", `old:${i}`);
    clock.advance(1000);
    for (let i = 0; i < 20; i++) {
      await client.call("SET", `new:${i}`, VALUE);
      clock.advance(1000);
    }
    await client.call("PING");
    expect(usedMemory(engine)).toBeLessThanOrEqual(engine.config.getNumber("maxmemory"));
    expect(engine.stats.evictedKeys).toBeGreaterThan(5);
    for (let i = 0; i < 5; i++) expect(await exists(`old:${i}`), `old:${i} was read recently`).toBe(true);
    for (let i = 0; i < 20; i++) expect(await exists(`new:${i}`), `new:${i}`).toBe(true);
    // The oldest untouched keys went first.
    for (let i = 5; i < 10; i++) expect(await exists(`old:${i}`), `old:${i}`).toBe(false);
    close();
  });

  it("allkeys-lfu keeps a small set of hot keys through a scan of cold ones", async () => {
    const { client, limit, exists, engine, close } = setup("allkeys-lfu", { "lfu-log-factor": "1" });
    await limit(30 * 300);
    for (let i = 0; i < 5; i++) await client.call("SET", `hot:${i}`, VALUE);
    for (let round = 0; round < 100; round++) for (let i = 0; i < 5; i++) await client.call("GET", `hot:${i}`);
    expect(await client.call("OBJECT", "FREQ", "hot:0")).toBeGreaterThan(10);
    for (let i = 0; i < 300; i++) await client.call("SET", `cold:${i}`, VALUE);
    for (let i = 0; i < 5; i++) expect(await exists(`hot:${i}`), `hot:${i}`).toBe(true);
    expect(engine.stats.evictedKeys).toBeGreaterThan(250);
    expect(await client.call("DBSIZE")).toBeLessThan(40);
    close();
  });

  it("allkeys-random evicts until under the limit, counts evicted_keys and announces `evicted`", async () => {
    const { client, limit, engine, close } = setup("allkeys-random");
    const events: string[] = [];
    const subscriber = engine.connect();
    subscriber.onPush = (push) => {
      if (push instanceof PushReply && push.items[0] === "message") events.push(String(push.items[2]));
    };
    await client.call("CONFIG", "SET", "notify-keyspace-events", "Ee");
    await subscriber.call("SUBSCRIBE", "__keyevent@0__:evicted");
    await limit(20 * 300);
    for (let i = 0; i < 100; i++) await client.call("SET", `key:${i}`, VALUE);
    const info = ((await client.call("INFO", "stats")) as VerbatimReply).text;
    const evicted = Number(/evicted_keys:(\d+)/.exec(info)![1]);
    expect(evicted).toBe(100 - ((await client.call("DBSIZE")) as number));
    expect(evicted).toBeGreaterThan(70);
    expect(events.length).toBe(evicted);
    expect(new Set(events).size).toBe(evicted);
    expect(usedMemory(engine)).toBeLessThanOrEqual(engine.config.getNumber("maxmemory"));
    close();
  });

  it("the candidate pool holds at most 16 keys, sampled across databases", async () => {
    const { client, limit, engine, close } = setup("allkeys-lru");
    await limit(50 * 300);
    for (let i = 0; i < 200; i++) {
      await client.call("SELECT", String(i % 3));
      await client.call("SET", `key:${i}`, VALUE);
    }
    expect(evictionPoolKeys(engine).length).toBeLessThanOrEqual(EVICTION_POOL_SIZE);
    expect(engine.databases.filter((db) => db.size > 0).length).toBeGreaterThan(1);
    close();
  });
});

describe("volatile policies", () => {
  it("volatile-ttl evicts the soonest-expiring keys first", async () => {
    const { client, limit, exists, engine, close } = setup("volatile-ttl", { "maxmemory-samples": "10" });
    await limit(20 * 310);
    for (let i = 0; i < 20; i++) await client.call("SET", `ttl:${i}`, VALUE, "EX", String(1000 + i * 100));
    for (let i = 0; i < 10; i++) await client.call("SET", `later:${i}`, VALUE, "EX", String(100_000));
    await client.call("PING");
    expect(engine.stats.evictedKeys).toBeGreaterThanOrEqual(9);
    // The keys closest to expiring go first.
    for (let i = 0; i < 6; i++) expect(await exists(`ttl:${i}`), `ttl:${i}`).toBe(false);
    for (let i = 0; i < 10; i++) expect(await exists(`later:${i}`), `later:${i}`).toBe(true);
    close();
  });

  for (const policy of ["volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"]) {
    it(`${policy} never evicts persistent keys and gives OOM once only they remain`, async () => {
      const { client, limit, exists, engine, close } = setup(policy);
      await limit(20 * 300);
      for (let i = 0; i < 10; i++) await client.call("SET", `persistent:${i}`, VALUE);
      let refusal = "";
      for (let i = 0; i < 100 && refusal === ""; i++) refusal = await errorOf(client.call("SET", `volatile:${i}`, VALUE, "EX", "1000"));
      expect(engine.stats.evictedKeys).toBeGreaterThan(0);
      for (let i = 0; i < 10; i++) expect(await exists(`persistent:${i}`)).toBe(true);
      // Persistent keys alone past the limit: nothing evictable is left.
      for (let i = 10; i < 40 && refusal === ""; i++) refusal = await errorOf(client.call("SET", `persistent:${i}`, VALUE));
      expect(refusal).toBe(OOM);
      expect(engine.databases[0]!.expires.size).toBe(0);
      close();
    });
  }
});

describe("LFU and LRU bookkeeping", () => {
  it("OBJECT FREQ grows logarithmically with accesses and decays with lfu-decay-time", async () => {
    const { client, clock, close } = setup("allkeys-lfu");
    await client.call("SET", "k", "v");
    expect(await client.call("OBJECT", "FREQ", "k")).toBe(5);
    for (let i = 0; i < 1000; i++) await client.call("GET", "k");
    const frequency = (await client.call("OBJECT", "FREQ", "k")) as number;
    expect(frequency).toBeGreaterThan(12);
    expect(frequency).toBeLessThan(25);
    clock.advance(3 * 60_000);
    expect(await client.call("OBJECT", "FREQ", "k")).toBe(frequency - 3);
    close();
  });

  it("OBJECT IDLETIME follows accesses under LRU policies", async () => {
    const { client, clock, close } = setup("allkeys-lru");
    await client.call("SET", "k", "v");
    clock.advance(5000);
    expect(await client.call("OBJECT", "IDLETIME", "k")).toBe(5);
    await client.call("GET", "k");
    expect(await client.call("OBJECT", "IDLETIME", "k")).toBe(0);
    close();
  });
});
