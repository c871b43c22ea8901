import type { AppServer } from "../grader/context";
import type { LabDefinition } from "../grader/types";

const MINUTE = 60_000;

async function requests(app: AppServer, count: number, user: string, limit = 10): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let i = 0; i < count; i++) answers.push(await app.call<boolean>("isAllowed", user, limit, MINUTE));
  return answers;
}
const allowed = (answers: boolean[]) => answers.filter(Boolean).length;

export const lab: LabDefinition = {
  slug: "rate-limiter-sliding-window",
  title: "Sliding-window rate limiter",
  functions: ["isAllowed"],
  hints: [
    "One sorted set per user: score = request time in ms, member = a unique id (crypto.randomUUID()).",
    "In one Lua script: ZREMRANGEBYSCORE key -inf now-window, ZCARD, and ZADD only if under the limit.",
    "PEXPIRE the key to the window length after adding.",
  ],
  tests: [
    {
      name: "allows 10 requests in a minute and rejects the 11th",
      visible: true,
      explanation: "With a limit of 10 per sliding minute, the first 10 requests pass and the 11th is refused.",
      async run(t) {
        const app = await t.app();
        t.expectEqual(await requests(app, 11, "alice"), [...Array(10).fill(true), false], "answers to 11 requests");
      },
    },
    {
      name: "requests older than the window stop counting",
      visible: true,
      explanation: "The window slides: 61 s after the first five requests, those five no longer count, but the five sent at 30 s still do.",
      async run(t) {
        const app = await t.app();
        await requests(app, 5, "bob");
        t.advance(30_000);
        t.expectEqual(allowed(await requests(app, 6, "bob")), 5, "requests allowed at 30 s (5 already in the window)");
        t.advance(31_000);
        t.expectEqual(await requests(app, 6, "bob"), [true, true, true, true, true, false], "6 requests at 61 s");
      },
    },
    {
      name: "no burst across a window boundary",
      visible: false,
      explanation:
        "A fixed window resets at the boundary: 10 requests at 09:00:59 and 10 more at 09:01:01 all pass. In a sliding window " +
        "the second batch is within a minute of the first and must be refused.",
      async run(t) {
        const app = await t.app();
        t.advance(59_000);
        t.expectEqual(allowed(await requests(app, 10, "carol")), 10, "requests allowed at 09:00:59");
        t.advance(2_000);
        t.expectEqual(allowed(await requests(app, 10, "carol")), 0, "requests allowed 2 s later, at 09:01:01");
      },
    },
    {
      name: "exactly 30 of 200 simultaneous requests from 4 app servers get through",
      visible: false,
      appServers: 4,
      explanation: "Trim, count and add must be one atomic step (a Lua script): with separate commands every concurrent request sees room left.",
      async run(t) {
        const apps = await t.apps(4);
        const answers = await t.spread<boolean>(apps, 200, "isAllowed", () => ["dave", 30, MINUTE]);
        t.expectEqual(allowed(answers), 30, "requests allowed out of 200 concurrent ones with limit 30");
      },
    },
    {
      name: "rejected requests do not count against the limit",
      visible: false,
      explanation: "Only allowed requests are logged. Logging rejected ones keeps a retrying client locked out long after its real traffic left the window.",
      async run(t) {
        const app = await t.app();
        await requests(app, 10, "erin");
        t.advance(30_000);
        t.expectEqual(allowed(await requests(app, 10, "erin")), 0, "requests allowed 30 s in, limit already reached");
        t.advance(31_000);
        t.expectEqual(allowed(await requests(app, 10, "erin")), 10, "requests allowed 61 s in, after the first 10 left the window");
      },
    },
    {
      name: "the request log expires once it can no longer matter",
      visible: false,
      explanation: "A log whose entries are all older than the window is dead weight: give the key a TTL of the window.",
      async run(t) {
        const app = await t.app();
        await requests(app, 3, "frank");
        for (const [key, ttl] of await t.keysWithTtl()) {
          t.expect(ttl > 0 && ttl <= MINUTE, `key ${key} must expire within the window`, `0 < TTL ≤ ${MINUTE} ms`, ttl === -1 ? "no TTL" : `${ttl} ms`);
        }
        t.advance(MINUTE + 1);
        t.expectEqual(await t.cmd("DBSIZE"), 0, "keys left a window after the last request");
      },
    },
  ],
};
