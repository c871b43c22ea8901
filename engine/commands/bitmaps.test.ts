import { describe, expect, it } from "vitest";
import { Engine } from "../engine";
import { checkCommandMetadata, collectNotifications } from "../testing/command-checks";
import { seededRandom, type StepInput, useDifferential } from "../testing/differential";
import { commands } from "./bitmaps";

describe("bitmap commands against redis-server", () => {
  const diff = useDifferential();

  it("SETBIT and GETBIT: growth, offsets and errors", async () => {
    await diff.check([
      ["SETBIT", "b", "7", "1"],
      ["GET", "b"],
      ["SETBIT", "b", "7", "1"],
      ["SETBIT", "b", "7", "0"],
      ["SETBIT", "b", "100", "1"],
      ["STRLEN", "b"],
      ["GETBIT", "b", "100"],
      ["GETBIT", "b", "99"],
      ["GETBIT", "b", "100000"],
      ["GETBIT", "missing", "3"],
      ["SETBIT", "b", "-1", "1"],
      ["SETBIT", "b", "x", "1"],
      ["SETBIT", "b", "4294967296", "1"],
      ["SETBIT", "b", "1", "2"],
      ["SETBIT", "b", "1", "-1"],
      ["SETBIT", "b", "1", "x"],
      ["SETBIT", "b", "x", "2"],
      ["GETBIT", "b", "-1"],
      ["GETBIT", "b", "4294967296"],
      ["GETBIT", "b", "4294967295"],
      ["SET", "s", "a"],
      ["SETBIT", "s", "6", "1"],
      ["GET", "s"],
      ["SET", "n", "12"],
      ["GETBIT", "n", "2"],
      ["SETBIT", "n", "15", "1"],
      ["GET", "n"],
      ["SADD", "set", "m"],
      ["SETBIT", "set", "1", "1"],
      ["GETBIT", "set", "1"],
      ["SETBIT", "b", "1"],
    ]);
  });

  it("BITCOUNT with BYTE and BIT ranges", async () => {
    const steps: StepInput[] = [
      ["SET", "k", "foobar\x00\xff"],
      ["BITCOUNT", "k"],
      ["BITCOUNT", "missing"],
      ["BITCOUNT", "missing", "a", "b"],
      ["BITCOUNT", "k", "1"],
      ["BITCOUNT", "k", "a", "1"],
      ["BITCOUNT", "k", "0", "1", "BITS"],
      ["BITCOUNT", "k", "0", "1", "bit", "x"],
      ["BITCOUNT", "k", "-9223372036854775808", "9223372036854775807"],
      ["BITCOUNT", "k", "-9223372036854775808", "9223372036854775807", "BIT"],
      ["SET", "e", ""],
      ["BITCOUNT", "e"],
      ["BITCOUNT", "e", "0", "-1", "BIT"],
      ["SADD", "set", "m"],
      ["BITCOUNT", "set"],
    ];
    for (const [start, end] of [["0", "0"], ["1", "1"], ["-1", "-1"], ["-2", "-1"], ["-1", "-2"], ["5", "2"], ["-100", "100"], ["3", "-3"], ["0", "-100"]]) {
      for (const unit of [[], ["BYTE"], ["BIT"], ["bit"]]) steps.push(["BITCOUNT", "k", start!, end!, ...unit]);
    }
    for (const [start, end] of [["5", "30"], ["7", "8"], ["9", "9"], ["13", "61"], ["-13", "-3"]]) steps.push(["BITCOUNT", "k", start!, end!, "BIT"]);
    await diff.check(steps);
  });

  it("BITPOS with BYTE and BIT ranges, explicit ends and padding", async () => {
    const steps: StepInput[] = [
      ["BITPOS", "missing", "0"],
      ["BITPOS", "missing", "1"],
      ["BITPOS", "missing", "2"],
      ["BITPOS", "missing", "x"],
      ["SET", "ones", "\xff\xff\xff"],
      ["SET", "zeros", "\x00\x00\x00"],
      ["SET", "mixed", "\x00\xff\xf0\x0f\x00"],
      ["SET", "e", ""],
      ["BITPOS", "e", "0"],
      ["BITPOS", "e", "1"],
      ["BITPOS", "mixed", "1", "x"],
      ["BITPOS", "mixed", "1", "0", "x"],
      ["BITPOS", "mixed", "1", "0", "1", "BITS"],
      ["BITPOS", "mixed", "1", "0", "1", "BIT", "x"],
      ["SADD", "set", "m"],
      ["BITPOS", "set", "1"],
    ];
    for (const key of ["ones", "zeros", "mixed"]) {
      for (const bit of ["0", "1"]) {
        steps.push(["BITPOS", key, bit]);
        for (const start of ["0", "1", "-1", "2", "9", "-100", "100"]) {
          steps.push(["BITPOS", key, bit, start]);
          for (const end of ["0", "1", "-1", "2", "12", "23", "-100", "100"]) {
            for (const unit of [[], ["BYTE"], ["BIT"]]) steps.push(["BITPOS", key, bit, start, end, ...unit]);
          }
        }
      }
    }
    await diff.check(steps);
  });

  it("BITOP AND, OR, XOR and NOT with missing keys and different lengths", async () => {
    await diff.check([
      ["SET", "a", "foobar"],
      ["SET", "b", "abc\x00\xff"],
      ["SET", "c", "\xff"],
      ["BITOP", "AND", "dest", "a", "b"],
      ["GET", "dest"],
      ["BITOP", "or", "dest", "a", "b", "c"],
      ["GET", "dest"],
      ["BITOP", "XOR", "dest", "a", "b", "c", "missing"],
      ["GET", "dest"],
      ["BITOP", "AND", "dest", "a", "missing"],
      ["GET", "dest"],
      ["BITOP", "NOT", "dest", "b"],
      ["GET", "dest"],
      ["OBJECT", "ENCODING", "dest"],
      ["BITOP", "NOT", "dest", "a", "b"],
      ["BITOP", "NOT", "dest", "missing"],
      ["EXISTS", "dest"],
      ["SET", "dest", "x", "EX", "100"],
      ["BITOP", "OR", "dest", "a"],
      ["TTL", "dest"],
      ["BITOP", "AND", "dest", "missing", "missing2"],
      ["EXISTS", "dest"],
      ["BITOP", "NAND", "dest", "a"],
      ["SADD", "set", "m"],
      ["BITOP", "AND", "dest", "a", "set"],
      ["BITOP", "AND", "set", "a"],
      ["TYPE", "set"],
      ["BITOP", "AND", "dest"],
    ]);
  });

  it("BITFIELD GET, SET and INCRBY with every overflow policy", async () => {
    await diff.check([
      ["BITFIELD", "bf", "SET", "i8", "0", "100", "GET", "i8", "0", "INCRBY", "i8", "0", "100"],
      ["BITFIELD", "bf", "OVERFLOW", "SAT", "INCRBY", "i8", "0", "100", "INCRBY", "i8", "0", "-1000"],
      ["BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "i8", "0", "-1", "INCRBY", "i8", "0", "-1000", "GET", "i8", "0"],
      ["BITFIELD", "bf", "SET", "u8", "#1", "255", "INCRBY", "u8", "#1", "1", "OVERFLOW", "SAT", "INCRBY", "u8", "#1", "-5"],
      ["BITFIELD", "bf", "OVERFLOW", "SAT", "SET", "u8", "8", "-1", "SET", "u8", "8", "300", "OVERFLOW", "WRAP", "SET", "u8", "8", "-1"],
      ["BITFIELD", "bf", "OVERFLOW", "FAIL", "SET", "u4", "3", "16", "SET", "i4", "3", "-9", "SET", "i4", "3", "-8"],
      ["BITFIELD", "bf", "SET", "i64", "0", "-9223372036854775808", "INCRBY", "i64", "0", "-1", "GET", "i64", "0", "GET", "u63", "1"],
      ["BITFIELD", "bf", "OVERFLOW", "SAT", "INCRBY", "i64", "0", "-1", "INCRBY", "i64", "0", "9223372036854775807", "INCRBY", "i64", "0", "9223372036854775807"],
      ["BITFIELD", "bf", "SET", "u63", "0", "9223372036854775807", "INCRBY", "u63", "0", "1", "OVERFLOW", "SAT", "INCRBY", "u63", "0", "-9223372036854775808"],
      ["BITFIELD", "bf", "SET", "u1", "5", "1", "GET", "u1", "5", "GET", "i1", "5", "INCRBY", "i1", "5", "1"],
      ["BITFIELD", "bf", "GET", "u16", "1000", "GET", "i3", "#7"],
      ["GET", "bf"],
      ["STRLEN", "bf"],
      ["BITFIELD", "bf"],
      ["BITFIELD", "missing", "GET", "i8", "0"],
      ["EXISTS", "missing"],
      ["BITFIELD", "bf", "GET", "u64", "0"],
      ["BITFIELD", "bf", "GET", "i65", "0"],
      ["BITFIELD", "bf", "GET", "i0", "0"],
      ["BITFIELD", "bf", "GET", "x8", "0"],
      ["BITFIELD", "bf", "GET", "i", "0"],
      ["BITFIELD", "bf", "GET", "i8", "-1"],
      ["BITFIELD", "bf", "GET", "i8", "#-1"],
      ["BITFIELD", "bf", "GET", "i8", "#"],
      ["BITFIELD", "bf", "GET", "i8", "4294967296"],
      ["BITFIELD", "bf", "GET", "i8", "#536870912"],
      ["BITFIELD", "bf", "GET", "i8", "#2305843009213693953"],
      ["BITFIELD", "bf", "GET", "i8", "x"],
      ["BITFIELD", "bf", "SET", "i8", "0", "x"],
      ["BITFIELD", "bf", "SET", "i8", "0"],
      ["BITFIELD", "bf", "GET", "i8"],
      ["BITFIELD", "bf", "OVERFLOW", "BOGUS", "GET", "i8", "0"],
      ["BITFIELD", "bf", "OVERFLOW"],
      ["BITFIELD", "bf", "BOGUS"],
      ["BITFIELD", "bf", "GET", "i8", "0", "SET", "x8", "0", "1"],
      ["BITFIELD", "bf", "overflow", "sat", "incrby", "U7", "2", "200", "get", "I7", "2"],
      ["BITFIELD_RO", "bf", "GET", "i8", "0", "GET", "u4", "#3"],
      ["BITFIELD_RO", "bf", "SET", "i8", "0", "1"],
      ["BITFIELD_RO", "bf", "INCRBY", "i8", "0", "1", "OVERFLOW", "SAT"],
      ["BITFIELD_RO", "bf", "OVERFLOW", "SAT"],
      ["BITFIELD_RO", "bf"],
      ["BITFIELD_RO", "missing", "GET", "i8", "0"],
      ["SADD", "set", "m"],
      ["BITFIELD", "set", "GET", "i8", "0"],
      ["BITFIELD", "set", "SET", "i8", "0", "1"],
      ["BITFIELD_RO", "set", "GET", "i8", "0"],
      ["BITFIELD", "fresh", "OVERFLOW", "FAIL", "SET", "u2", "100", "7"],
      ["STRLEN", "fresh"],
    ]);
  });

  it("bit writes announce 'setbit' and 'set' like Redis, and skip unchanged bits", async () => {
    await diff.check([["CONFIG", "SET", "notify-keyspace-events", "KEA"]]);
    try {
      const [expected, actual] = await collectNotifications(diff, [
        ["SETBIT", "b", "3", "1"],
        ["SETBIT", "b", "3", "1"],
        ["SETBIT", "b", "3", "0"],
        ["SETBIT", "b", "30", "0"],
        ["BITFIELD", "b", "GET", "u8", "0"],
        ["BITFIELD", "b", "SET", "u8", "0", "0"],
        ["BITFIELD", "b", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "9"],
        ["BITFIELD", "b", "SET", "u8", "0", "5"],
        ["BITFIELD", "x", "SET", "u8", "0", "0"],
        ["BITFIELD", "y", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "9"],
        ["BITFIELD", "b", "SET", "u8", "100", "0"],
        ["BITFIELD", "b", "OVERFLOW", "FAIL", "INCRBY", "u2", "1000", "9"],
        ["BITFIELD", "b", "INCRBY", "u8", "0", "256"],
        ["BITFIELD", "b", "INCRBY", "u8", "0", "1", "GET", "u8", "0"],
        ["BITOP", "NOT", "c", "b"],
        ["BITOP", "AND", "c", "missing"],
      ]);
      expect(actual).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);
    } finally {
      await diff.check([["CONFIG", "SET", "notify-keyspace-events", ""]]);
    }
  });

  it("replies inside MULTI capture the value at that point, not later in-place edits", async () => {
    await diff.check([
      ["SET", "k", "abc"],
      ["MULTI"],
      ["GET", "k"],
      ["SETBIT", "k", "7", "0"],
      ["GET", "k"],
      ["SETRANGE", "k", "1", "ZZ"],
      ["GETRANGE", "k", "0", "-1"],
      ["APPEND", "k", "!"],
      ["BITFIELD", "k", "SET", "u8", "0", "65"],
      ["GET", "k"],
      ["EXEC"],
    ]);
  });

  it("command metadata matches COMMAND INFO", async () => {
    await checkCommandMetadata(diff, commands);
  });

  it("random bitmap command sequences match Redis", async () => {
    for (const seed of [11, 12, 13]) {
      const random = seededRandom(seed);
      const int = (max: number) => String(Math.floor(random() * max));
      const signedInt = (max: number) => String(Math.floor(random() * 2 * max) - max);
      const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
      const keys = ["a", "b", "c"];
      const type = () => `${pick(["i", "u"])}${1 + Math.floor(random() * 63)}`;
      const generators: (() => string[])[] = [
        () => ["SETBIT", pick(keys), int(200), pick(["0", "1"])],
        () => ["GETBIT", pick(keys), int(220)],
        () => ["SET", pick(keys), pick(["", "\xff\x00\x0f", "foobar", "\x80", "\x00\x00\x01"])],
        () => ["BITCOUNT", pick(keys), signedInt(30), signedInt(30), ...pick([[], ["BYTE"], ["BIT"]])],
        () => ["BITPOS", pick(keys), pick(["0", "1"]), ...pick([[], [signedInt(30)], [signedInt(30), signedInt(30)], [signedInt(200), signedInt(200), "BIT"]])],
        () => ["BITOP", pick(["AND", "OR", "XOR"]), pick(keys), pick(keys), pick(keys)],
        () => ["BITOP", "NOT", pick(keys), pick(keys)],
        () => ["BITFIELD", pick(keys), "OVERFLOW", pick(["WRAP", "SAT", "FAIL"]), pick(["SET", "INCRBY"]), type(), int(150), signedInt(1_000_000), "GET", type(), int(150)],
        () => ["BITFIELD_RO", pick(keys), "GET", type(), pick([int(300), `#${int(20)}`])],
        () => ["GET", pick(keys)],
      ];
      const steps = Array.from({ length: 300 }, () => pick(generators)());
      try {
        await diff.check(steps);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`);
      }
      await diff.check([["FLUSHALL"]]);
    }
  });
});

describe("bitmaps in place", () => {
  // Checked by identity rather than by timing: a SETBIT inside the bitmap must write into the
  // stored buffer, never copy the whole value.
  it("SETBITs on a 1 MB bitmap write into the stored buffer (no copy per write)", async () => {
    const engine = new Engine();
    const client = engine.connect();
    await client.call("SETBIT", "big", String(8 * 1024 * 1024 - 1), "1");
    const stored = () => engine.databases[0]!.dict.get("big")!.value;
    const buffer = stored();
    const random = seededRandom(7);
    for (let i = 0; i < 10_000; i++) await client.call("SETBIT", "big", String(Math.floor(random() * 8 * 1024 * 1024)), "1");
    expect(stored()).toBe(buffer);
    expect(await client.call("STRLEN", "big")).toBe(1024 * 1024);
    engine.close();
  });

  it("growing a bitmap bit by bit reallocates only logarithmically often", async () => {
    const engine = new Engine();
    const client = engine.connect();
    // Growth within spare capacity re-views the same backing store; count the stores.
    const buffers = new Set<unknown>();
    for (let offset = 0; offset < 8 * 200_000; offset += 16) {
      await client.call("SETBIT", "grow", String(offset), "1");
      buffers.add((engine.databases[0]!.dict.get("grow")!.value as Buffer).buffer);
    }
    expect(await client.call("BITCOUNT", "grow")).toBe(100_000);
    expect(buffers.size).toBeLessThan(64);
    engine.close();
  });
});
