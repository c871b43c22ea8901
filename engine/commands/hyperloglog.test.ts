import { describe, expect, it } from "vitest";
import { seededRandom, useDifferential } from "../testing/differential";
import { checkCommandMetadata, collectNotifications } from "../testing/command-checks";
import { commands } from "./hyperloglog";

const elements = (prefix: string, count: number, start = 0) => Array.from({ length: count }, (_, i) => `${prefix}${start + i}`);

describe("HyperLogLog commands against redis-server", () => {
  const diff = useDifferential();

  it("PFADD/PFCOUNT on small sets keep the sparse value byte-identical", async () => {
    await diff.check([
      ["PFADD", "h"],
      ["GET", "h"],
      ["PFCOUNT", "h"],
      ["GET", "h"],
      ["PFADD", "h", "a", "b", "c"],
      ["PFADD", "h", "a"],
      ["GET", "h"],
      ["PFCOUNT", "h"],
      ["GET", "h"],
      ["PFADD", "h", "", "\x00\xff", "bin\x00ary", "12345678", "123456789abcdefgh"],
      ["GET", "h"],
      ["PFCOUNT", "h"],
      ["PFCOUNT", "nosuch"],
      ["PFCOUNT", "h", "nosuch"],
      ["STRLEN", "h"],
      ["OBJECT", "ENCODING", "h"],
      ["TYPE", "h"],
    ]);
  });

  it("grows through sparse edits and promotes to dense at hll-sparse-max-bytes", async () => {
    for (let batch = 0; batch < 40; batch++) {
      await diff.check([["PFADD", "h", ...elements("e", 50, batch * 50)], ["GET", "h"], ["PFCOUNT", "h"], ["GET", "h"]]);
    }
    await diff.check([["STRLEN", "h"], ["OBJECT", "ENCODING", "h"]]);
  });

  it("a smaller hll-sparse-max-bytes promotes earlier", async () => {
    await diff.check([["CONFIG", "SET", "hll-sparse-max-bytes", "100"]]);
    try {
      for (let batch = 0; batch < 5; batch++) await diff.check([["PFADD", "h", ...elements("x", 10, batch * 10)], ["GET", "h"]]);
    } finally {
      await diff.check([["CONFIG", "SET", "hll-sparse-max-bytes", "3000"]]);
    }
  });

  it("counts 100k elements like Redis, dense and with the cache", async () => {
    for (let batch = 0; batch < 20; batch++) {
      await diff.check([["PFADD", "big", ...elements("item:", 5000, batch * 5000)]]);
    }
    await diff.check([["PFCOUNT", "big"], ["GET", "big"], ["PFCOUNT", "big"], ["PFADD", "big", "item:1"], ["GET", "big"]]);
  });

  it("PFMERGE and multi-key PFCOUNT over sparse and dense inputs", async () => {
    await diff.check([
      ["PFADD", "a", ...elements("a", 100)],
      ["PFADD", "b", ...elements("b", 3000)],
      ["PFADD", "c", ...elements("a", 50, 80)],
      ["PFCOUNT", "a", "b", "c"],
      ["PFCOUNT", "a", "c"],
      ["PFMERGE", "ac", "a", "c"],
      ["GET", "ac"],
      ["PFCOUNT", "ac"],
      ["PFMERGE", "abc", "a", "b", "c"],
      ["GET", "abc"],
      ["PFCOUNT", "abc"],
      ["PFMERGE", "a", "c"],
      ["GET", "a"],
      ["PFMERGE", "empty"],
      ["GET", "empty"],
      ["PFMERGE", "empty2", "nosuch"],
      ["GET", "empty2"],
      ["PFMERGE", "c", "b"],
      ["GET", "c"],
      ["PFCOUNT", "c"],
    ]);
  });

  it("rejects non-HLL values and corrupt ones", async () => {
    const dense = "HYLL\x00\x00\x00\x00" + "\x00".repeat(8) + "\x3f".repeat(12288);
    await diff.check([
      ["SET", "s", "abc"],
      ["PFADD", "s", "x"],
      ["PFCOUNT", "s"],
      ["PFCOUNT", "s", "nosuch"],
      ["PFMERGE", "s"],
      ["PFMERGE", "d", "s"],
      ["EXISTS", "d"],
      ["SET", "n", "12345"],
      ["PFADD", "n", "x"],
      ["LPUSH", "l", "x"],
      ["PFADD", "l", "x"],
      ["PFCOUNT", "l"],
      ["PFMERGE", "l"],
      ["SET", "bad", "HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff"],
      ["PFADD", "bad", "x"],
      ["SET", "short", "HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"],
      ["PFCOUNT", "short"],
      ["SET", "corrupt", "HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe"],
      ["PFCOUNT", "corrupt"],
      ["PFADD", "corrupt", "x"],
      ["PFCOUNT", "corrupt", "s2"],
      ["PFMERGE", "m", "corrupt"],
      ["SET", "dense", dense],
      ["PFCOUNT", "dense"],
      ["GET", "dense"],
      ["PFADD", "dense", "x"],
      ["PFADD"],
      ["PFCOUNT"],
      ["PFMERGE"],
    ]);
  });

  it("a copied HLL value (SET of its bytes) keeps working, and PFCOUNT makes it raw", async () => {
    await diff.check([["PFADD", "h", "a", "b"], ["PFCOUNT", "h"]]);
    const [bytes] = await diff.both(["GET", "h"]);
    const value = bytes.value.type === "bulk" ? bytes.value.value : "";
    await diff.check([["SET", "copy", value], ["OBJECT", "ENCODING", "copy"], ["PFCOUNT", "copy"], ["OBJECT", "ENCODING", "copy"], ["PFADD", "copy", "c"], ["GET", "copy"]]);
  });

  it("edits in place: TTLs survive PFADD, PFCOUNT and PFMERGE; expired keys start over", async () => {
    await diff.check([
      ["PFADD", "h", "a", "b"],
      ["EXPIRE", "h", "100"],
      ["PFADD", "h", "c"],
      ["TTL", "h"],
      ["PFCOUNT", "h"],
      ["TTL", "h"],
      ["PFADD", "o", "z"],
      ["PFMERGE", "h", "o"],
      ["TTL", "h"],
      ["PFCOUNT", "h"],
      ["PEXPIRE", "h", "1"],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await diff.check([["PFCOUNT", "h"], ["PFADD", "h"], ["TTL", "h"], ["GET", "h"], ["MULTI"], ["PFADD", "m", "x"], ["PFCOUNT", "m", "h"], ["PFMERGE", "m", "h"], ["EXEC"], ["GET", "m"]]);
  });

  it("announces pfadd for PFADD and PFMERGE", async () => {
    const [redis, engine] = await collectNotifications(diff, [["PFADD", "h", "a"], ["PFADD", "h", "a"], ["PFMERGE", "m", "h"], ["PFCOUNT", "h"]]);
    expect(engine).toEqual(redis);
  });

  it("has Redis's command metadata", async () => {
    await checkCommandMetadata(diff, commands);
    await diff.check(commands.map((spec) => ["COMMAND", "DOCS", spec.name]));
  });

  it("matches Redis on random sequences", async () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const keys = ["h1", "h2", "h3"];
      const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
      const steps: string[][] = [];
      for (let i = 0; i < 300; i++) {
        const roll = random();
        if (roll < 0.6) {
          const n = Math.floor(random() * (random() < 0.1 ? 400 : 8));
          steps.push(["PFADD", pick(keys), ...Array.from({ length: n }, () => `v${Math.floor(random() * 5000)}`)]);
        } else if (roll < 0.8) steps.push(["PFCOUNT", ...keys.filter(() => random() < 0.5), pick(keys)]);
        else if (roll < 0.9) steps.push(["PFMERGE", pick(keys), pick(keys), pick(keys)]);
        else steps.push(["GET", pick(keys)]);
      }
      const [redisReplies, engineReplies] = [[] as string[], [] as string[]];
      for (const step of steps) {
        const [expected, actual] = await diff.both(step);
        redisReplies.push(expected.raw);
        engineReplies.push(actual.raw);
      }
      expect(engineReplies, `seed ${seed}`).toEqual(redisReplies);
      await diff.check([["FLUSHALL"]]);
    }
  });
});
