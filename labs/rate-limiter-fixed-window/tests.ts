import type { LabDefinition } from "../grader/types";

/** The grader's clock starts on a minute boundary, so 60 s windows start at test start. */
const WINDOW = 60;

export const lab: LabDefinition = {
  slug: "rate-limiter-fixed-window",
  title: "Fixed-window rate limiter",
  functions: ["isAllowed"],
  hints: [
    "One counter per user per window: put the window number (Date.now() / 1000 / windowSeconds, rounded down) in the key.",
    "INCR is atomic: it returns the new count, so no read-then-write is needed.",
    "Set the TTL in the same MULTI as the INCR, or the counter may outlive a crash between the two.",
  ],
  tests: [
    {
      name: "allows the first 10 requests of a window and rejects the 11th",
      visible: true,
      explanation: "A limit of 10 per window means requests 1–10 pass and request 11 is refused until the window ends.",
      async run(t) {
        const app = await t.app();
        const answers: boolean[] = [];
        for (let i = 0; i < 11; i++) answers.push(await app.call<boolean>("isAllowed", "alice", 10, WINDOW));
        t.expectEqual(answers, [...Array(10).fill(true), false], "answers to 11 requests in one window");
      },
    },
    {
      name: "a new window starts from zero",
      visible: true,
      explanation: "Fixed windows reset at their boundary: after 09:00:59 the count starts again.",
      async run(t) {
        const app = await t.app();
        for (let i = 0; i < 10; i++) await app.call("isAllowed", "alice", 10, WINDOW);
        t.expectEqual(await app.call("isAllowed", "alice", 10, WINDOW), false, "11th request in the first window");
        t.advance(WINDOW * 1000);
        t.expectEqual(await app.call("isAllowed", "alice", 10, WINDOW), true, "first request of the next window");
      },
    },
    {
      name: "users are limited independently",
      visible: false,
      explanation: "Each user has their own counter; one user's traffic must not block another.",
      async run(t) {
        const app = await t.app();
        for (let i = 0; i < 5; i++) await app.call("isAllowed", "alice", 5, WINDOW);
        t.expectEqual(await app.call("isAllowed", "bob", 5, WINDOW), true, "bob's first request after alice used her quota");
      },
    },
    {
      name: "allows exactly the limit when 50 requests arrive at once on two app servers",
      visible: false,
      appServers: 2,
      explanation:
        "Reading the counter, deciding, then writing it back is a race: requests that read the same value all pass. " +
        "Use an atomic INCR (or a Lua script) so each request sees a distinct count.",
      async run(t) {
        const apps = await t.apps(2);
        const answers = await t.spread<boolean>(apps, 50, "isAllowed", () => ["carol", 20, WINDOW]);
        t.expectEqual(answers.filter(Boolean).length, 20, "requests allowed out of 50 concurrent ones with limit 20");
      },
    },
    {
      name: "every counter expires once its window is over",
      visible: false,
      explanation: "Without a TTL every user leaves one key per window behind forever: Redis memory grows without bound.",
      async run(t) {
        const app = await t.app();
        await app.call("isAllowed", "dave", 10, WINDOW);
        for (const [key, ttl] of await t.keysWithTtl()) {
          t.expect(ttl > 0 && ttl <= WINDOW * 1000, `key ${key} must expire within the window`, `0 < TTL ≤ ${WINDOW * 1000} ms`, ttl === -1 ? "no TTL" : `${ttl} ms`);
        }
        t.advance(WINDOW * 1000 + 1);
        t.expectEqual(await t.cmd("DBSIZE"), 0, "keys left once the window is over");
      },
    },
    {
      name: "a user who keeps retrying gets through again in the next window",
      visible: false,
      explanation:
        "Pushing the TTL back on every request turns the fixed window into a penalty box: a client retrying every " +
        "few seconds is blocked forever. The window must end at its boundary whatever the traffic.",
      async run(t) {
        const app = await t.app();
        for (let i = 0; i < 10; i++) await app.call("isAllowed", "erin", 10, WINDOW);
        for (let second = 10; second < WINDOW; second += 10) {
          t.advance(10_000);
          t.expectEqual(await app.call("isAllowed", "erin", 10, WINDOW), false, `retry ${second} s into the full window`);
        }
        t.advance(10_000);
        t.expectEqual(await app.call("isAllowed", "erin", 10, WINDOW), true, "first request of the next window");
      },
    },
  ],
};
