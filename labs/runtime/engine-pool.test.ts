import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DoubleReply, ErrorReply, type Engine, fromBinary } from "../../engine/index";
import { LearnerEnginePool } from "./engine-pool";

let dataDir: string;
let pool: LearnerEnginePool;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "learner-engines-"));
  pool = new LearnerEnginePool({ dataDir, idleMs: 1_000 });
});
afterEach(async () => {
  await pool.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(engine: Engine, ...args: (string | number | Buffer)[]): Promise<unknown> {
  const client = engine.connect();
  try {
    const reply = await client.call(...args);
    if (reply instanceof ErrorReply) throw new Error(reply.message);
    return reply;
  } finally {
    client.close();
  }
}

describe("learner engine pool", () => {
  it("gives each learner their own engine and the same one on every call", async () => {
    const alice = await pool.getLearnerEngine("alice");
    expect(await pool.getLearnerEngine("alice")).toBe(alice);
    const bob = await pool.getLearnerEngine("bob");
    expect(bob).not.toBe(alice);
    await run(alice, "SET", "k", "alice's");
    expect(await run(bob, "GET", "k")).toBeNull();
  });

  it("rejects learner ids that could name another file", async () => {
    for (const id of ["../etc/passwd", "a/b", "", ".", "..", "x".repeat(65), "a b", "é"]) {
      await expect(pool.getLearnerEngine(id)).rejects.toThrow(/invalid learner id/);
    }
  });

  it("saves idle engines, drops them from memory and restores every type, binary values and TTLs", async () => {
    const engine = await pool.getLearnerEngine("carol");
    await run(engine, "SET", "plain", "hello");
    await run(engine, "SET", Buffer.from([0xff, 0x00, 0x7f]), Buffer.from([0x00, 0xfe, 0xc3, 0x28]));
    await run(engine, "SET", "session", "x", "PX", 60_000);
    await run(engine, "RPUSH", "list", "a", "b", "c");
    await run(engine, "SADD", "set", "x", "y");
    await run(engine, "HSET", "hash", "f1", "v1", "f2", "v2");
    await run(engine, "ZADD", "zset", 1.5, "a", "-inf", "low", 10, "b");
    const db3 = engine.connect();
    await db3.call("SELECT", 3);
    await db3.call("SET", "in-db-3", "only in 3");
    db3.close();

    const reclaimed = await pool.reclaimIdle(Date.now() + 5_000);
    expect(reclaimed).toEqual(["carol"]);
    expect(pool.size).toBe(0);
    expect(readdirSync(path.join(dataDir, "engines"))).toEqual(["carol.json"]);

    // A new pool is a restarted site: it finds the snapshot on disk.
    const restarted = new LearnerEnginePool({ dataDir });
    try {
      const restored = await restarted.getLearnerEngine("carol");
      expect(restored).not.toBe(engine);
      expect(await run(restored, "GET", "plain")).toBe("hello");
      const binary = (await run(restored, "GET", Buffer.from([0xff, 0x00, 0x7f]))) as string;
      expect(Buffer.from(binary, "latin1")).toEqual(Buffer.from([0x00, 0xfe, 0xc3, 0x28]));
      const ttl = (await run(restored, "PTTL", "session")) as number;
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await run(restored, "PTTL", "plain")).toBe(-1);
      expect(await run(restored, "LRANGE", "list", 0, -1)).toEqual(["a", "b", "c"]);
      expect(await run(restored, "SCARD", "set")).toBe(2);
      expect(await run(restored, "SMISMEMBER", "set", "x", "y")).toEqual([1, 1]);
      expect(await run(restored, "HGET", "hash", "f2")).toBe("v2");
      expect(await run(restored, "ZRANGE", "zset", 0, -1)).toEqual(["low", "a", "b"]);
      expect(((await run(restored, "ZSCORE", "zset", "a")) as DoubleReply).value).toBe(1.5);
      expect(await run(restored, "EXISTS", "in-db-3")).toBe(0);
      const client = restored.connect();
      await client.call("SELECT", 3);
      expect(fromBinary((await client.call("GET", "in-db-3")) as string)).toBe("only in 3");
      client.close();
    } finally {
      await restarted.close();
    }
  });

  it("keeps engines that are still in use", async () => {
    await pool.getLearnerEngine("dave");
    expect(await pool.reclaimIdle(Date.now())).toEqual([]);
    expect(pool.size).toBe(1);
  });

  it("reset empties the learner's engine in memory and on disk", async () => {
    const engine = await pool.getLearnerEngine("erin");
    await run(engine, "SET", "k", "v");
    await pool.persist("erin");
    await pool.resetLearnerEngine("erin");
    const fresh = await pool.getLearnerEngine("erin");
    expect(await run(fresh, "DBSIZE")).toBe(0);
  });
});
