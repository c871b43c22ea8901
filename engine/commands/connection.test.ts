import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock";
import { Engine } from "../engine";
import { MapReply } from "../protocol/reply";
import { listen } from "../server";
import { type RawReply, RespClient } from "../testing/resp-client";
import { seededRandom, useDifferential } from "../testing/differential";

/** HELLO and CLIENT ID replies carry the connection id, which differs between servers. */
function maskIds(raw: string): string {
  return raw.replace(/(\$2\r\nid\r\n):\d+/g, "$1:<id>").replace(/^:\d+\r\n$/, ":<id>\r\n");
}

/** The `name=value` field names of a CLIENT LIST/INFO line, in order, and each value's shape. */
function clientLineShape(line: string): string[] {
  return line.split(" ").map((field) => {
    const [name, value = ""] = field.split("=", 2) as [string, string?];
    if (name === "addr" || name === "laddr") return `${name}=ip:port`;
    if (/^-?\d+$/.test(value)) return `${name}=<int>`;
    if (name === "flags" || name === "events") return `${name}=<letters>`;
    return `${name}=${value}`;
  });
}

function bulkText(reply: RawReply): string {
  const value = reply.value;
  if (value.type !== "bulk" && value.type !== "verbatim") throw new Error(`expected text, got ${reply.raw}`);
  return value.value;
}

async function closedAfter(client: RespClient, timeoutMs = 2000): Promise<boolean> {
  const started = Date.now();
  while (!client.closed && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 10));
  return client.closed;
}

describe("connection commands against redis-server", () => {
  const diff = useDifferential();

  it("PING, ECHO and SELECT reply like Redis, errors included", async () => {
    await diff.check([
      ["PING"],
      ["PING", "hello"],
      ["PING", "a", "b"],
      ["ECHO", "bin\x00ary\xff"],
      ["ECHO"],
      ["ECHO", ""],
      ["SELECT", "15"],
      ["SELECT", "16"],
      ["SELECT", "-1"],
      ["SELECT", "abc"],
      ["SELECT", "1.5"],
      ["SELECT", "0"],
      ["NOSUCHCOMMAND", "x", "y"],
      ["nosuch"],
      ["ping", "MiXeD"],
    ]);
  });

  it("answers inline commands and pipelines", async () => {
    const [redis, engine] = await diff.connectPair();
    const request = 'PING\r\nECHO "quoted \\x41 arg"\r\n\r\nPING x\r\necho \'single \\\' quote\'\r\n';
    const expected = await redis.sendRaw(request, 4);
    const actual = await engine.sendRaw(request, 4);
    expect(actual.map((reply) => reply.raw)).toEqual(expected.map((reply) => reply.raw));
  });

  it("AUTH without a configured password", async () => {
    await diff.check([
      ["AUTH", "x"],
      ["AUTH", "default", "x"],
      ["AUTH", "foo", "x"],
      ["AUTH", "a", "b", "c"],
      ["AUTH"],
    ]);
  });

  it("HELLO: protocol switch, SETNAME, AUTH and its errors", async () => {
    const [redis, engine] = await diff.connectPair();
    const steps = [
      ["HELLO"],
      ["HELLO", "3"],
      ["PING"],
      ["CLIENT", "GETNAME"],
      ["HELLO", "4"],
      ["HELLO", "1"],
      ["HELLO", "x"],
      ["HELLO", "3", "FOO"],
      ["HELLO", "3", "AUTH", "default"],
      ["HELLO", "3", "AUTH", "default", "whatever"],
      ["HELLO", "3", "AUTH", "nouser", "x"],
      ["HELLO", "3", "SETNAME", "has space"],
      ["HELLO", "2", "SETNAME", "named"],
      ["CLIENT", "GETNAME"],
      ["HELLO", "3", "SETNAME"],
      ["HELLO", "2"],
    ];
    for (const argv of steps) {
      const expected = await redis.call(...argv);
      const actual = await engine.call(...argv);
      expect(maskIds(actual.raw), argv.join(" ")).toBe(maskIds(expected.raw));
    }
  });

  it("CLIENT SETNAME/GETNAME/ID/HELP and argument errors", async () => {
    await diff.check([
      ["CLIENT", "GETNAME"],
      ["CLIENT", "SETNAME", "a b"],
      ["CLIENT", "SETNAME", "a\nb"],
      ["CLIENT", "SETNAME", "caf\xc3\xa9"],
      ["CLIENT", "SETNAME", "ok-name_1"],
      ["CLIENT", "GETNAME"],
      ["CLIENT", "SETNAME", ""],
      ["CLIENT", "GETNAME"],
      ["CLIENT", "SETNAME"],
      ["CLIENT", "HELP"],
      ["CLIENT", "help", "extra"],
      ["CLIENT"],
      ["CLIENT", "FOO"],
      ["CLIENT", "LIST", "TYPE", "foo"],
      ["CLIENT", "LIST", "ID", "abc"],
      ["CLIENT", "LIST", "ID", "0"],
      ["CLIENT", "LIST", "ID", "99999"],
      ["CLIENT", "LIST", "FOO"],
      ["CLIENT", "LIST", "TYPE", "normal", "x"],
      ["CLIENT", "LIST", "TYPE", "pubsub"],
      ["CLIENT", "LIST", "TYPE", "master"],
      ["CLIENT", "LIST", "TYPE", "replica"],
      ["CLIENT", "KILL", "1.2.3.4:5"],
      ["CLIENT", "KILL", "ID", "99999"],
      ["CLIENT", "KILL", "ID", "abc"],
      ["CLIENT", "KILL", "ID", "0"],
      ["CLIENT", "KILL", "ID", "-3"],
      ["CLIENT", "KILL", "FOO", "bar"],
      ["CLIENT", "KILL", "TYPE", "foo"],
      ["CLIENT", "KILL", "TYPE", "pubsub"],
      ["CLIENT", "KILL", "ADDR", "1.2.3.4:5", "SKIPME", "maybe"],
      ["CLIENT", "KILL", "ADDR", "1.2.3.4:5", "SKIPME", "no"],
      ["CLIENT", "KILL", "LADDR", "1.2.3.4:5"],
      ["CLIENT", "KILL", "USER", "nouser"],
      ["CLIENT", "KILL", "ID", "1", "ID"],
      ["CLIENT", "KILL", "MAXAGE", "10"],
      ["CLIENT", "PAUSE", "abc"],
      ["CLIENT", "PAUSE", "-1"],
      ["CLIENT", "PAUSE", "10", "FOO"],
      ["CLIENT", "PAUSE", "10", "WRITE", "x"],
      ["CLIENT", "UNPAUSE"],
      ["CLIENT", "REPLY", "FOO"],
      ["CLIENT", "NO-EVICT", "maybe"],
      ["CLIENT", "NO-EVICT", "on"],
      ["CLIENT", "NO-EVICT", "OFF"],
      ["CLIENT", "NO-TOUCH", "on"],
      ["CLIENT", "UNBLOCK", "abc"],
      ["CLIENT", "UNBLOCK", "99", "FOO"],
      ["CLIENT", "UNBLOCK", "99", "ERROR"],
      ["CLIENT", "UNBLOCK", "99", "TIMEOUT"],
      ["CLIENT", "UNBLOCK", "99", "TIMEOUT", "x"],
    ]);
    const [redisId, engineId] = await diff.both(["CLIENT", "ID"]);
    expect(maskIds(engineId.raw)).toBe(maskIds(redisId.raw));
  });

  it("CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO state", async () => {
    await diff.check([
      ["CLIENT", "GETREDIR"],
      ["CLIENT", "TRACKINGINFO"],
      ["CLIENT", "CACHING", "yes"],
      ["CLIENT", "TRACKING", "foo"],
      ["CLIENT", "TRACKING", "on", "BCAST", "OPTIN"],
      ["CLIENT", "TRACKING", "on", "OPTIN", "OPTOUT"],
      ["CLIENT", "TRACKING", "on", "REDIRECT", "999999"],
      ["CLIENT", "TRACKING", "on", "REDIRECT", "abc"],
      ["CLIENT", "TRACKING", "on", "PREFIX", "a"],
      ["CLIENT", "TRACKING", "on", "FOO"],
      ["CLIENT", "TRACKING", "on", "PREFIX"],
      ["CLIENT", "TRACKING", "on", "OPTIN"],
      ["CLIENT", "TRACKINGINFO"],
      ["CLIENT", "GETREDIR"],
      ["CLIENT", "CACHING", "yes"],
      ["CLIENT", "TRACKINGINFO"],
      ["CLIENT", "CACHING", "no"],
      ["CLIENT", "CACHING", "maybe"],
      ["CLIENT", "TRACKING", "on", "OPTOUT"],
      ["CLIENT", "TRACKING", "on", "BCAST"],
      ["CLIENT", "TRACKING", "off"],
      ["CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "ab", "PREFIX", "abc"],
      ["CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "a", "PREFIX", "b", "NOLOOP"],
      ["CLIENT", "TRACKINGINFO"],
      ["CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "bc"],
      ["CLIENT", "TRACKING", "on"],
      ["CLIENT", "TRACKING", "off"],
      ["CLIENT", "TRACKING", "on", "OPTOUT"],
      ["CLIENT", "CACHING", "no"],
      ["CLIENT", "TRACKINGINFO"],
      ["CLIENT", "TRACKING", "off"],
      ["CLIENT", "TRACKINGINFO"],
    ]);
  });

  it("CLIENT TRACKING sends invalidations like Redis: RESP3 pushes, REDIRECT to a RESP2 subscriber, BCAST, NOLOOP, OPTIN, flush", async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const run = async (server: "redis" | "engine") => {
      const pick = async () => (server === "redis" ? (await diff.connectPair())[0] : (await diff.connectPair())[1]);
      const [reader, writer, redirectTarget, broadcaster, optin] = [await pick(), await pick(), await pick(), await pick(), await pick()];
      const targetId = (await redirectTarget.call("CLIENT", "ID")).raw.slice(1, -2);
      await redirectTarget.sendRaw("SUBSCRIBE __redis__:invalidate\r\n");
      for (const client of [reader, broadcaster, optin]) await client.call("HELLO", "3");
      await reader.call("CLIENT", "TRACKING", "on");
      await reader.call("GET", "k1");
      await reader.call("MGET", "k2", "k3");
      await writer.call("CLIENT", "TRACKING", "on", "REDIRECT", targetId);
      await writer.call("GET", "k1");
      await broadcaster.call("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "user:", "NOLOOP");
      await optin.call("CLIENT", "TRACKING", "on", "OPTIN");
      await optin.call("GET", "not-cached");
      await optin.call("CLIENT", "CACHING", "yes");
      await optin.call("GET", "cached");
      await writer.call("SET", "k1", "x");
      await writer.call("MSET", "k2", "1", "k3", "2", "user:1", "a", "not-cached", "1", "cached", "1");
      await broadcaster.call("SET", "user:2", "own write");
      // The reader hears about its own write after the write's reply.
      const own = await reader.sendRaw("SET k4 1\r\nGET k4\r\nSET k4 2\r\n", 3);
      await sleep(50);
      await writer.call("FLUSHALL");
      await sleep(100);
      const pushes = (client: typeof reader) => client.unsolicited.map((reply) => reply.raw);
      return { reader: pushes(reader), own: own.map((reply) => reply.raw), redirect: pushes(redirectTarget), broadcaster: pushes(broadcaster), optin: pushes(optin) };
    };
    const expected = await run("redis");
    const actual = await run("engine");
    expect(actual).toEqual(expected);
    expect(actual.broadcaster).toContain(">2\r\n$10\r\ninvalidate\r\n*1\r\n$6\r\nuser:1\r\n");
    expect(actual.reader).toHaveLength(5);
    expect(actual.redirect.join("")).toContain("$20\r\n__redis__:invalidate\r\n*1\r\n$2\r\nk1\r\n");
    expect(actual.optin.join("")).toContain("$6\r\ncached\r\n");
    expect(actual.optin.join("")).not.toContain("not-cached");
  });

  it("CLIENT LIST and CLIENT INFO have Redis 7.0's fields, order and value shapes", async () => {
    const [redis, engine] = await diff.connectPair();
    for (const client of [redis, engine]) {
      await client.call("CLIENT", "SETNAME", "lister");
      await client.call("SELECT", "3");
    }
    const [redisList, engineList] = [await redis.call("CLIENT", "LIST"), await engine.call("CLIENT", "LIST")];
    const ownLine = (text: string) => text.split("\n").find((line) => line.includes("name=lister"))!;
    expect(bulkText(engineList).endsWith("\n")).toBe(true);
    expect(clientLineShape(ownLine(bulkText(engineList)))).toEqual(clientLineShape(ownLine(bulkText(redisList))));
    expect(ownLine(bulkText(engineList))).toContain(" name=lister age=0 idle=0 flags=N db=3 sub=0 psub=0 ssub=0 multi=-1 ");
    expect(ownLine(bulkText(engineList))).toMatch(/ cmd=client\|list user=default redir=-1 resp=2$/);
    const [redisInfo, engineInfo] = [await redis.call("CLIENT", "INFO"), await engine.call("CLIENT", "INFO")];
    expect(clientLineShape(bulkText(engineInfo).trimEnd())).toEqual(clientLineShape(bulkText(redisInfo).trimEnd()));
    expect(bulkText(engineInfo)).toMatch(/ cmd=client\|info /);
    // Filters: ID picks exactly the listed clients, TYPE by kind.
    const id = (await engine.call("CLIENT", "ID")).value;
    const byId = bulkText(await engine.call("CLIENT", "LIST", "ID", (id as { value: string }).value, "999999"));
    expect(byId.trimEnd().split("\n")).toHaveLength(1);
    expect(byId).toContain("name=lister");
    expect(bulkText(await engine.call("CLIENT", "LIST", "TYPE", "pubsub"))).toBe("");
    expect(bulkText(await engine.call("CLIENT", "LIST", "TYPE", "NORMAL"))).toContain("name=lister");
    // RESP3 sends the text as a verbatim string, as Redis does.
    await redis.call("HELLO", "3");
    await engine.call("HELLO", "3");
    const [redisVerbatim, engineVerbatim] = [await redis.call("CLIENT", "LIST", "ID", "999999"), await engine.call("CLIENT", "LIST", "ID", "999999")];
    expect(engineVerbatim.raw).toBe(redisVerbatim.raw);
  });

  it("CLIENT LIST flags follow the connection state", async () => {
    const [, engine] = await diff.connectPair();
    const line = async () => bulkText(await engine.call("CLIENT", "INFO"));
    await engine.call("MULTI");
    // Inside MULTI, CLIENT INFO is queued; read the state from another connection instead.
    const other = diff.engine();
    const id = (await engine.sendRaw("*2\r\n$6\r\nCLIENT\r\n$2\r\nID\r\n"))[0]!;
    expect(id.raw).toBe("+QUEUED\r\n");
    const listed = bulkText(await other.call("CLIENT", "LIST"));
    expect(listed).toMatch(/flags=x db=0 sub=0 psub=0 ssub=0 multi=1 /);
    await engine.call("DISCARD");
    await engine.call("CLIENT", "NO-EVICT", "on");
    expect(await line()).toContain("flags=e ");
  });

  it("CLIENT REPLY OFF and SKIP suppress replies exactly like Redis", async () => {
    const [redis, engine] = await diff.connectPair();
    const request =
      "CLIENT REPLY SKIP\r\nPING one\r\nPING two\r\nCLIENT REPLY OFF\r\nPING three\r\nCLIENT REPLY SKIP\r\nPING four\r\nCLIENT REPLY ON\r\nPING five\r\n";
    const expected = await redis.sendRaw(request, 3);
    const actual = await engine.sendRaw(request, 3);
    expect(actual.map((reply) => reply.raw)).toEqual(expected.map((reply) => reply.raw));
    expect(actual.map((reply) => reply.raw)).toEqual(["$3\r\ntwo\r\n", "+OK\r\n", "$4\r\nfive\r\n"]);
  });

  it("RESET restores a fresh connection's state", async () => {
    const [redis, engine] = await diff.connectPair();
    const steps = [
      ["SELECT", "5"],
      ["CLIENT", "SETNAME", "before-reset"],
      ["CLIENT", "TRACKING", "on"],
      ["CLIENT", "NO-EVICT", "on"],
      ["HELLO", "3"],
      ["MULTI"],
      ["RESET"],
      ["CLIENT", "GETNAME"],
      ["CLIENT", "TRACKINGINFO"],
      ["PING"],
      ["RESET", "x"],
      ["RESET"],
    ];
    for (const argv of steps) {
      const expected = await redis.call(...argv);
      const actual = await engine.call(...argv);
      expect(maskIds(actual.raw), argv.join(" ")).toBe(maskIds(expected.raw));
    }
    const info = bulkText(await engine.call("CLIENT", "INFO"));
    expect(info).toContain(" name= ");
    expect(info).toContain(" flags=N db=0 ");
    expect(info).toContain(" redir=-1 resp=2");
  });

  it("QUIT replies OK and closes the connection", async () => {
    const [redis, engine] = await diff.connectPair();
    const expected = await redis.sendRaw("QUIT\r\n");
    const actual = await engine.sendRaw("QUIT\r\n");
    expect(actual[0]!.raw).toBe(expected[0]!.raw);
    expect(await closedAfter(redis)).toBe(true);
    expect(await closedAfter(engine)).toBe(true);
    expect((await diff.engine().call("PING")).raw).toBe("+PONG\r\n");
  });

  it("CLIENT KILL closes the chosen connections and counts them", async () => {
    for (const server of ["redis", "engine"] as const) {
      const [redisVictim, engineVictim] = await diff.connectPair();
      const [redisOther, engineOther] = await diff.connectPair();
      const victim = server === "redis" ? redisVictim : engineVictim;
      const killer = server === "redis" ? redisOther : engineOther;
      await victim.call("CLIENT", "SETNAME", "victim");
      const victimId = (await victim.call("CLIENT", "ID")).raw.slice(1, -2);
      expect((await killer.call("CLIENT", "KILL", "ID", victimId)).raw, server).toBe(":1\r\n");
      expect(await closedAfter(victim), server).toBe(true);
      expect((await killer.call("CLIENT", "KILL", "ID", victimId)).raw, server).toBe(":0\r\n");
      // Old form by address; SKIPME no lets a client kill itself after its reply.
      const [redisThird, engineThird] = await diff.connectPair();
      const third = server === "redis" ? redisThird : engineThird;
      const line = bulkText(await third.call("CLIENT", "INFO"));
      const address = /addr=(\S+)/.exec(line)![1]!;
      expect((await killer.call("CLIENT", "KILL", address)).raw, server).toBe("+OK\r\n");
      expect(await closedAfter(third), server).toBe(true);
      const ownId = (await killer.call("CLIENT", "ID")).raw.slice(1, -2);
      expect((await killer.call("CLIENT", "KILL", "ID", ownId)).raw, server).toBe(":0\r\n");
      expect((await killer.call("CLIENT", "KILL", "ID", ownId, "SKIPME", "no")).raw, server).toBe(":1\r\n");
      expect(await closedAfter(killer), server).toBe(true);
    }
  });

  it("CLIENT UNBLOCK ends a blocking command with a timeout or an error; CLIENT LIST shows it blocked", async () => {
    for (const reason of [[], ["TIMEOUT"], ["ERROR"]]) {
      const [redisBlocked, engineBlocked] = await diff.connectPair();
      const ids: string[] = [];
      for (const client of [redisBlocked, engineBlocked]) ids.push((await client.call("CLIENT", "ID")).raw.slice(1, -2));
      const pending = [redisBlocked.call("BLPOP", "nothing-here", "0"), engineBlocked.call("BLPOP", "nothing-here", "0")];
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [redisAdmin, engineAdmin] = [diff.redis(), diff.engine()];
      const engineList = (await engineAdmin.call("CLIENT", "LIST", "ID", ids[1]!)).raw;
      expect(engineList).toMatch(/ flags=b .* cmd=blpop /);
      expect((await engineAdmin.call("CLIENT", "UNBLOCK", ids[1]!, ...reason)).raw).toBe((await redisAdmin.call("CLIENT", "UNBLOCK", ids[0]!, ...reason)).raw);
      const [expected, actual] = await Promise.all(pending);
      expect(actual!.raw, reason.join(" ")).toBe(expected!.raw);
      expect((await engineAdmin.call("CLIENT", "UNBLOCK", ids[1]!)).raw).toBe(":0\r\n");
      // The unblocked connection keeps working.
      expect((await engineBlocked.call("PING")).raw).toBe("+PONG\r\n");
    }
  });

  it("CLIENT PAUSE delays paused clients until the timeout or UNPAUSE", async () => {
    const [, pauser] = await diff.connectPair();
    const [, paused] = await diff.connectPair();
    // A command held by a 1 s pause cannot answer sooner than that; one that is not held can.
    expect((await pauser.call("CLIENT", "PAUSE", "1000", "WRITE")).raw).toBe("+OK\r\n");
    let started = Date.now();
    expect((await paused.call("PING")).raw).toBe("+PONG\r\n");
    expect(Date.now() - started).toBeLessThan(1000);
    started = Date.now();
    expect((await paused.call("FLUSHDB")).raw).toBe("+OK\r\n");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    // ALL pauses every command, PING included, until the timeout.
    await pauser.call("CLIENT", "PAUSE", "300", "ALL");
    started = Date.now();
    expect((await paused.call("PING")).raw).toBe("+PONG\r\n");
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    // UNPAUSE (not a write, so not paused itself under WRITE) releases the writes at once.
    await pauser.call("CLIENT", "PAUSE", "5000", "WRITE");
    started = Date.now();
    const pending = paused.call("FLUSHDB");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await pauser.call("CLIENT", "UNPAUSE")).raw).toBe("+OK\r\n");
    expect((await pending).raw).toBe("+OK\r\n");
    // Released by UNPAUSE, well before the 5 s pause would have ended.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("CLIENT KILL filters over the network", () => {
  it("TYPE, LADDR, USER and SKIPME pick the right connections", async () => {
    const engine = new Engine();
    const server = await listen(engine, { port: 0 });
    const connect = () => RespClient.connect(server.port!);
    const [admin, subscriberA, subscriberB, plain] = [await connect(), await connect(), await connect(), await connect()];
    await subscriberA.sendRaw("SUBSCRIBE a\r\n");
    await subscriberB.sendRaw("PSUBSCRIBE p*\r\n");
    expect((await admin.call("CLIENT", "KILL", "TYPE", "pubsub")).raw).toBe(":2\r\n");
    expect(await closedAfter(subscriberA)).toBe(true);
    expect(await closedAfter(subscriberB)).toBe(true);
    expect(plain.closed).toBe(false);
    expect((await admin.call("CLIENT", "KILL", "LADDR", `127.0.0.1:${server.port}`, "TYPE", "normal")).raw).toBe(":1\r\n");
    expect(await closedAfter(plain)).toBe(true);
    const [another] = [await connect()];
    expect((await admin.call("CLIENT", "KILL", "USER", "default", "SKIPME", "yes")).raw).toBe(":1\r\n");
    expect(await closedAfter(another)).toBe(true);
    expect((await admin.call("PING")).raw).toBe("+PONG\r\n");
    admin.close();
    await server.close();
    engine.close();
  });
});

describe("connection commands with requirepass against redis-server", () => {
  const diff = useDifferential({ engine: { config: { requirepass: "s3cret" } }, redisArgs: ["--requirepass", "s3cret"] });

  it("NOAUTH before AUTH, WRONGPASS, both AUTH forms, HELLO AUTH and RESET dropping auth", async () => {
    const [redis, engine] = await diff.connectPair();
    const steps = [
      ["PING"],
      ["ECHO", "x"],
      ["HELLO", "3"],
      ["HELLO"],
      ["CLIENT", "ID"],
      ["AUTH", "wrong"],
      ["AUTH", "default", "wrong"],
      ["AUTH", "other", "s3cret"],
      ["AUTH", "s3cret"],
      ["PING"],
      ["RESET"],
      ["PING"],
      ["AUTH", "default", "s3cret"],
      ["PING"],
      ["RESET"],
      ["HELLO", "3", "AUTH", "default", "wrong"],
      ["HELLO", "3", "AUTH", "default", "s3cret", "SETNAME", "authed"],
      ["CLIENT", "GETNAME"],
      ["QUIT"],
    ];
    for (const argv of steps) {
      const expected = await redis.call(...argv);
      const actual = await engine.call(...argv);
      expect(maskIds(actual.raw), argv.join(" ")).toBe(maskIds(expected.raw));
    }
  });

  it("limits unauthenticated requests like Redis", async () => {
    for (const request of ["*11\r\n", `*1\r\n$16385\r\n`]) {
      const [redis, engine] = await diff.connectPair();
      const expected = await redis.sendRaw(request);
      const actual = await engine.sendRaw(request);
      expect(actual[0]!.raw, JSON.stringify(request)).toBe(expected[0]!.raw);
      expect(await closedAfter(engine)).toBe(true);
    }
  });
});

describe("connection commands in-process", () => {
  it("CLIENT PAUSE resumes paused clients when the timer fires", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    const pauser = engine.connect();
    const paused = engine.connect();
    await pauser.call("CLIENT", "PAUSE", "1000");
    let replied = false;
    const reply = paused.call("PING").then((value) => {
      replied = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(replied).toBe(false);
    clock.advance(999);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(replied).toBe(false);
    clock.advance(1);
    expect(await reply).toEqual({ value: "PONG" });
    expect(engine.pause).toBeUndefined();
    engine.close();
  });

  it("a later, stricter CLIENT PAUSE extends the pause; WRITE lets reads through", async () => {
    const clock = new VirtualClock();
    const engine = new Engine({ clock });
    const pauser = engine.connect();
    const other = engine.connect();
    await pauser.call("CLIENT", "PAUSE", "1000", "WRITE");
    expect(await other.call("PING")).toEqual({ value: "PONG" });
    await pauser.call("CLIENT", "PAUSE", "500", "ALL");
    expect(engine.pause).toMatchObject({ writesOnly: false, until: clock.now() + 1000 });
    let flushed = false;
    void other.call("FLUSHALL").then(() => (flushed = true));
    clock.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushed).toBe(true);
    engine.close();
  });

  it("HELLO returns the exact map, with the protocol actually switched", async () => {
    const engine = new Engine();
    const client = engine.connect();
    const reply = await client.call("HELLO", "3");
    expect(reply).toBeInstanceOf(MapReply);
    expect((reply as MapReply).entries).toEqual(["server", "redis", "version", "7.0.15", "proto", 3, "id", client.client.id, "mode", "standalone", "role", "master", "modules", []]);
    expect(client.client.protocol).toBe(3);
    engine.close();
  });
});

describe("connection commands: seeded random sequences against redis-server", () => {
  const diff = useDifferential();

  it("random PING/ECHO/SELECT/CLIENT NAME/CLIENT REPLY ON/RESET sequences match", async () => {
    const seed = 0xc0ffee;
    const random = seededRandom(seed);
    const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const words = ["", "a", "hello world", "bin\x00\xff", "x".repeat(200), "name-1", "NAME_2"];
    const generators: (() => string[])[] = [
      () => ["PING", ...(random() < 0.5 ? [] : [pick(words)])],
      () => ["ECHO", pick(words)],
      () => ["SELECT", pick(["0", "1", "15", "16", "-1", "x"])],
      () => ["CLIENT", "SETNAME", pick(words)],
      () => ["CLIENT", "GETNAME"],
      () => ["CLIENT", "REPLY", pick(["ON", "on", "bad"])],
      () => ["CLIENT", "NO-EVICT", pick(["on", "off", "bad"])],
      () => ["CLIENT", "GETREDIR"],
      () => ["CLIENT", "TRACKINGINFO"],
      () => ["CLIENT", "TRACKING", pick(["on", "off"]), ...pick([[], ["BCAST"], ["OPTIN"], ["OPTOUT"], ["NOLOOP"], ["BCAST", "PREFIX", "p"]])],
      () => ["RESET"],
      () => ["DBSIZE"],
      () => ["AUTH", pick(words)],
      () => ["HELLO", pick(["2", "3", "4"])],
    ];
    const [redis, engine] = await diff.connectPair();
    for (let i = 0; i < 300; i++) {
      const argv = pick(generators)();
      const expected = await redis.call(...argv);
      const actual = await engine.call(...argv);
      expect(maskIds(actual.raw), `seed ${seed} step ${i}: ${JSON.stringify(argv)}`).toBe(maskIds(expected.raw));
    }
  });
});
