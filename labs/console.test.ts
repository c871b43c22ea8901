import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The learner engines' snapshots go to a throwaway directory (the pool reads DATA_DIR on first use).
const dataDir = mkdtempSync(path.join(os.tmpdir(), "console-test-"));
process.env.DATA_DIR = dataDir;
const { commandHelp, commandNames, inspectKeys, readValue, resetEngine, runConsoleCommand, splitCommandLine } = await import("./console");

const learner = `console-${process.pid}`;
const run = (line: string) => runConsoleCommand(learner, line);

beforeAll(() => resetEngine(learner));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("splitCommandLine", () => {
  it("splits like redis-cli's sdssplitargs", () => {
    expect(splitCommandLine('  set "a b"   \'it\\\'s\'  plain ')).toEqual(["set", "a b", "it's", "plain"]);
    expect(splitCommandLine('"\\x41\\n\\t\\\\\\"" \'\\n\'')).toEqual(['A\n\t\\"', "\\n"]);
    expect(splitCommandLine("get é")).toEqual(["get", "\xc3\xa9"]);
    expect(splitCommandLine("   ")).toEqual([]);
  });

  it("rejects unbalanced quotes and text glued to a closing quote", () => {
    expect(splitCommandLine('set "a')).toBeNull();
    expect(splitCommandLine("set 'a")).toBeNull();
    expect(splitCommandLine('set "a"b')).toBeNull();
  });
});

describe("runConsoleCommand", () => {
  it("prints replies as redis-cli does and flags errors", async () => {
    expect(await run("SET greeting 'hello world'")).toEqual({ lines: ["OK"], error: false });
    expect(await run("GET greeting")).toEqual({ lines: ['"hello world"'], error: false });
    expect(await run("GET missing")).toEqual({ lines: ["(nil)"], error: false });
    expect(await run("RPUSH queue a b")).toEqual({ lines: ["(integer) 2"], error: false });
    expect(await run("LPUSH greeting x")).toEqual({ lines: ["(error) WRONGTYPE Operation against a key holding the wrong kind of value"], error: true });
    expect(await run('GET "unbalanced')).toEqual({ lines: ["Invalid argument(s)"], error: true });
    expect(await run("")).toEqual({ lines: [], error: false });
  });

  it("keeps one connection across lines, so transactions work", async () => {
    expect((await run("MULTI")).lines).toEqual(["OK"]);
    expect((await run("INCR visits")).lines).toEqual(["QUEUED"]);
    expect((await run("LRANGE queue 0 -1")).lines).toEqual(["QUEUED"]);
    expect((await run("EXEC")).lines).toEqual(["1) (integer) 1", '2) 1) "a"', '   2) "b"']);
  });

  it("follows the connection's protocol after HELLO 3", async () => {
    await run("HSET user name ada");
    await run("HELLO 3");
    expect((await run("HGETALL user")).lines).toEqual(['1# "name" => "ada"']);
    await run("HELLO 2");
    expect((await run("HGETALL user")).lines).toEqual(['1) "name"', '2) "ada"']);
  });

  it("answers HELP <command> from COMMAND DOCS", async () => {
    const help = await run("HELP SET");
    expect(help.error).toBe(false);
    expect(help.lines[0]).toMatch(/^ {2}SET key value \[NX\|XX\] \[GET\] \[EX seconds\|PX milliseconds/);
    expect(help.lines).toContain("  group: string");
    expect((await commandHelp(learner, "config get")).lines[0]).toMatch(/^ {2}CONFIG GET parameter/);
    expect((await run("HELP NOPE")).error).toBe(true);
  });

  it("gives up on a reply that never comes, and the console keeps working", async () => {
    const blocked = await run("BLPOP nothing 0");
    expect(blocked.error).toBe(true);
    expect(blocked.lines[0]).toMatch(/no reply within 5 s/);
    expect((await run("PING")).lines).toEqual(["PONG"]);
  });

  it("refuses commands that stream replies", async () => {
    expect(await run("SUBSCRIBE news")).toMatchObject({ error: true });
  });
});

describe("commandNames", () => {
  it("lists commands and subcommands for completion", async () => {
    const names = await commandNames();
    expect(names).toContain("GET");
    expect(names).toContain("CONFIG GET");
    expect(names).toEqual([...names].sort());
  });
});

describe("key inspector", () => {
  it("lists keys with type, TTL and a labelled memory figure", async () => {
    await resetEngine(learner);
    await run("SET session:1 token PX 60000");
    await run("ZADD board 1.5 alice 3 bob");
    await run("SADD tags x y");
    const page = await inspectKeys(learner, { match: "*" });
    expect(page.cursor).toBe("0");
    expect(page.keys.map(({ key, type }) => [key, type])).toEqual([
      ["board", "zset"],
      ["session:1", "string"],
      ["tags", "set"],
    ]);
    const session = page.keys.find((key) => key.key === "session:1")!;
    expect(session.ttlMs).toBeGreaterThan(55_000);
    expect(session.ttlMs).toBeLessThanOrEqual(60_000);
    expect(page.keys.find((key) => key.key === "tags")!.ttlMs).toBeNull();
    expect(session.memory!.bytes).toBeGreaterThan(0);
    expect((await inspectKeys(learner, { match: "session:*" })).keys).toHaveLength(1);
  });

  it("reads each type's value", async () => {
    await run("RPUSH list a b c");
    await run("HSET hash f1 v1 f2 v2");
    expect(await readValue(learner, "session:1")).toEqual({ type: "string", value: "token", bytes: 5 });
    expect(await readValue(learner, "list")).toEqual({ type: "list", total: 3, items: ["a", "b", "c"] });
    const hash = await readValue(learner, "hash");
    expect(hash).toMatchObject({ type: "hash", total: 2 });
    expect(hash.type === "hash" && Object.fromEntries(hash.fields)).toEqual({ f1: "v1", f2: "v2" });
    expect(await readValue(learner, "board")).toEqual({
      type: "zset",
      total: 2,
      members: [
        { member: "alice", score: "1.5" },
        { member: "bob", score: "3" },
      ],
    });
    const tags = await readValue(learner, "tags");
    expect(tags.type === "set" && [...tags.members].sort()).toEqual(["x", "y"]);
    expect(await readValue(learner, "nothing")).toEqual({ type: "none" });
    await run("XADD events 1-1 kind login user ada");
    expect(await readValue(learner, "events")).toEqual({ type: "stream", total: 1, entries: [{ id: "1-1", fields: [["kind", "login"], ["user", "ada"]] }] });
  });

  it("resetEngine empties the playground", async () => {
    await resetEngine(learner);
    expect((await inspectKeys(learner)).keys).toEqual([]);
    expect((await run("GET session:1")).lines).toEqual(["(nil)"]);
  });
});
