import type { AppServer } from "../grader/context";
import type { LabDefinition } from "../grader/types";

async function takeMany(app: AppServer, count: number, bucket: string, capacity: number, rate: number): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let i = 0; i < count; i++) answers.push(await app.call<boolean>("take", bucket, capacity, rate));
  return answers;
}

export const lab: LabDefinition = {
  slug: "token-bucket-lua",
  title: "Token bucket in Lua",
  functions: ["take"],
  hints: [
    "In the script: HMGET tokens and ts; if missing, start full; add (now - ts) / 1000 * rate, capped with math.min.",
    "Take one token if at least one is there, then HSET tokens and ts = now, and PEXPIRE the hash.",
    "Convert numbers with tostring() before HSET so fractions survive.",
  ],
  tests: [
    {
      name: "a new bucket allows a burst of its capacity, then refuses",
      visible: true,
      explanation: "The bucket starts full: capacity 5 allows 5 immediate requests; the 6th waits for a refill.",
      async run(t) {
        const app = await t.app();
        t.expectEqual(await takeMany(app, 6, "api:alice", 5, 1), [true, true, true, true, true, false], "6 immediate requests, capacity 5");
      },
    },
    {
      name: "tokens flow back at the refill rate",
      visible: true,
      explanation: "At 2 tokens per second, one second after draining the bucket exactly 2 requests pass.",
      async run(t) {
        const app = await t.app();
        await takeMany(app, 5, "api:bob", 5, 2);
        t.advance(1_000);
        t.expectEqual(await takeMany(app, 3, "api:bob", 5, 2), [true, true, false], "3 requests 1 s after draining, 2 tokens/s");
      },
    },
    {
      name: "an idle bucket never holds more than its capacity",
      visible: false,
      explanation: "Refill stops at the capacity: an hour of silence must not bank thousands of tokens for one giant burst.",
      async run(t) {
        const app = await t.app();
        await takeMany(app, 5, "api:carol", 5, 1);
        t.advance(3_600_000);
        const answers = await takeMany(app, 7, "api:carol", 5, 1);
        t.expectEqual(answers.filter(Boolean).length, 5, "requests allowed after an idle hour, capacity 5");
      },
    },
    {
      name: "exactly the capacity of 100 simultaneous requests on 4 app servers get a token",
      visible: false,
      appServers: 4,
      explanation: "Read-refill-take-write must be one atomic step: in a Lua script nothing runs between the read and the write.",
      async run(t) {
        const apps = await t.apps(4);
        const answers = await t.spread<boolean>(apps, 100, "take", () => ["api:dave", 30, 0.5]);
        t.expectEqual(answers.filter(Boolean).length, 30, "tokens handed out to 100 concurrent requests, capacity 30");
      },
    },
    {
      name: "refill is continuous: fractions of a token are kept",
      visible: false,
      explanation:
        "At 1 token/s, waiting 0.6 s twice earns a token. Rounding the refill down while moving the timestamp forward throws " +
        "the fractions away, and a client polling often never gets a token back.",
      async run(t) {
        const app = await t.app();
        t.expectEqual(await app.call("take", "api:erin", 1, 1), true, "first request");
        t.advance(600);
        t.expectEqual(await app.call("take", "api:erin", 1, 1), false, "request 0.6 s later");
        t.advance(600);
        t.expectEqual(await app.call("take", "api:erin", 1, 1), true, "request 1.2 s after the first");
      },
    },
    {
      name: "a take is one Lua script",
      visible: false,
      explanation: "The lab asks for the bucket logic in Lua (EVAL/EVALSHA): separate reads and writes from the app are not atomic.",
      async run(t) {
        const app = await t.app();
        const { commands } = await t.commandsDuring(() => app.call("take", "api:frank", 5, 1));
        const fromApp = commands.filter((line) => line.startsWith("[app")).map((line) => line.split(" ")[2]!.toUpperCase());
        t.expect(fromApp.length > 0 && fromApp.every((name) => ["EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "SCRIPT"].includes(name)), "commands the app sent for one take", "EVAL or EVALSHA only", fromApp);
      },
    },
    {
      name: "idle buckets expire",
      visible: false,
      explanation: "A bucket that would be full again needs no storage: give its key a TTL so millions of idle clients do not pile up.",
      async run(t) {
        const app = await t.app();
        await app.call("take", "api:grace", 5, 1);
        for (const [key, ttl] of await t.keysWithTtl()) t.expect(ttl > 0, `key ${key} must have a TTL`, "a TTL", "none");
        t.advance(3_600_000);
        t.expectEqual(await t.cmd("DBSIZE"), 0, "keys left an hour after the last request");
      },
    },
  ],
};
