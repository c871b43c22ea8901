import { describe, expect, it } from "vitest";
import { Engine } from "./engine";
import { CLIENT_MEMORY, STARTUP_MEMORY, allocSize, listpackEntrySize, sdsSize, usedMemory } from "./memory";
import { useDifferential } from "./testing/differential";

describe("allocation model", () => {
  it("rounds to jemalloc size classes", () => {
    expect([1, 8, 9, 16, 17, 24, 33, 128, 129, 160, 161, 1004, 1025, 5000].map(allocSize)).toEqual([
      8, 8, 16, 16, 32, 32, 48, 128, 160, 160, 192, 1024, 1280, 5120,
    ]);
  });

  it("sizes sds strings with the smallest header that fits", () => {
    expect(sdsSize(3)).toBe(8); // sdshdr5: 1 + 3 + 1
    expect(sdsSize(31)).toBe(48); // still sdshdr5: 33 bytes
    expect(sdsSize(32)).toBe(48); // sdshdr8: 36 bytes
    expect(sdsSize(300)).toBe(320); // sdshdr16
  });

  it("sizes listpack entries by Redis's encodings", () => {
    expect(listpackEntrySize("7")).toBe(2); // 7-bit uint + backlen
    expect(listpackEntrySize("-1")).toBe(3); // 13-bit int
    expect(listpackEntrySize("1000000")).toBe(5); // 24-bit int
    expect(listpackEntrySize("01")).toBe(4); // not canonical: a 2-byte string
    expect(listpackEntrySize("a".repeat(63))).toBe(65);
    expect(listpackEntrySize("a".repeat(64))).toBe(67); // 12-bit length header
    expect(listpackEntrySize("a".repeat(200))).toBe(204); // two-byte backlen
  });
});

describe("used memory counter", () => {
  it("starts at Redis's startup figure and follows writes, in-place growth and deletes", async () => {
    const engine = new Engine();
    expect(usedMemory(engine)).toBe(STARTUP_MEMORY);
    const client = engine.connect();
    const idle = usedMemory(engine);
    expect(idle).toBe(STARTUP_MEMORY + CLIENT_MEMORY);
    await client.call("SET", "k", "v");
    const afterSet = usedMemory(engine);
    expect(afterSet - idle).toBeGreaterThanOrEqual(56);
    await client.call("APPEND", "k", "x".repeat(5000));
    expect(usedMemory(engine) - afterSet).toBeGreaterThan(5000);
    for (let i = 0; i < 100; i++) await client.call("HSET", "h", `f${i}`, "value".repeat(20));
    const withHash = usedMemory(engine);
    expect(withHash - afterSet).toBeGreaterThan(100 * 100);
    await client.call("DEL", "k", "h");
    expect(usedMemory(engine)).toBe(idle);
    await client.call("SET", "a", "1");
    await client.call("SWAPDB", "0", "1");
    await client.call("FLUSHALL");
    expect(usedMemory(engine)).toBe(idle);
    engine.close();
  });

  it("drops expired keys' memory, lazily and actively", async () => {
    let now = 1_000_000;
    const engine = new Engine({ clock: { now: () => now, setTimer: () => ({}) as never, clearTimer: () => {} } as never });
    const client = engine.connect();
    const idle = usedMemory(engine);
    await client.call("SET", "a", "x".repeat(100), "PX", "10");
    await client.call("SET", "b", "x".repeat(100), "PX", "10");
    expect(usedMemory(engine)).toBeGreaterThan(idle + 200);
    now += 20;
    await client.call("GET", "a");
    engine.activeExpireCycle();
    expect(usedMemory(engine)).toBe(idle);
    engine.close();
  });
});

describe("MEMORY USAGE against redis-server", () => {
  const diff = useDifferential();

  it("matches Redis exactly for strings and small encodings", async () => {
    await diff.check([
      ["SET", "foo", "bar"],
      ["SET", "int", "12345"],
      ["SET", "k".repeat(40), "v"],
      ["SET", "embstr", "x".repeat(44)],
      ["SET", "raw", "x".repeat(45)],
      ["SET", "big", "x".repeat(1000)],
      ["RPUSH", "list", "a", "b", "c", "12", "-7000"],
      ["SADD", "intset", "1", "2", "3", "70000"],
      ["SADD", "set", "a", "b", "c"],
      ["HSET", "hash", "a", "1", "b", "2", "field", "x".repeat(60)],
      ["ZADD", "zset", "1", "a", "2.5", "b", "-3", "c"],
    ]);
    for (const key of ["foo", "int", "k".repeat(40), "embstr", "raw", "big", "list", "intset", "set", "hash", "zset", "missing"]) {
      await diff.check([["MEMORY", "USAGE", key], ["MEMORY", "USAGE", key, "SAMPLES", "0"]]);
    }
  });

  it("stays within 15% of Redis for big hashtables, skiplists, quicklists and streams", async () => {
    const fill: string[][] = [];
    for (let i = 0; i < 600; i++) {
      fill.push(["SADD", "set", `member:${i}`], ["HSET", "hash", `field:${i}`, `value:${i}`], ["ZADD", "zset", String(i), `member:${i}`]);
      fill.push(["RPUSH", "list", `element number ${i}`], ["XADD", "stream", `${i + 1}-0`, "field", `value ${i}`, "n", String(i)]);
    }
    for (const argv of fill) await diff.both(argv);
    for (const key of ["set", "hash", "zset", "list", "stream"]) {
      const [expected, actual] = await diff.both(["MEMORY", "USAGE", key, "SAMPLES", "0"]);
      const redisBytes = Number((expected.value as { value: string }).value);
      const engineBytes = Number((actual.value as { value: string }).value);
      expect(Math.abs(engineBytes - redisBytes) / redisBytes, `${key}: engine ${engineBytes}, redis ${redisBytes}`).toBeLessThan(0.15);
    }
  });
});
