import type { LabDefinition } from "../grader/types";

const MINUTE = 60_000;

export const lab: LabDefinition = {
  slug: "session-store",
  title: "Session store with sliding expiry",
  functions: ["createSession", "getSession", "destroySession"],
  hints: [
    "Store the session under session:<id> with EX 1800.",
    "GETEX key EX 1800 reads the session and slides its expiry in one atomic command.",
    "Build ids from 16 random bytes (crypto.getRandomValues) or crypto.randomUUID().",
  ],
  tests: [
    {
      name: "a created session can be read back",
      visible: true,
      explanation: "getSession returns exactly what createSession stored, for the same user.",
      async run(t) {
        const app = await t.app();
        const id = await app.call<string>("createSession", "user-1", { theme: "dark", cart: [3, 4] });
        t.expectEqual(await app.call("getSession", id), { userId: "user-1", data: { theme: "dark", cart: [3, 4] } }, "session read back");
      },
    },
    {
      name: "a session idle for 30 minutes is gone",
      visible: true,
      explanation: "Idle sessions must end on their own: Redis expires the key after 30 minutes without activity.",
      async run(t) {
        const app = await t.app();
        const id = await app.call<string>("createSession", "user-1", {});
        t.advance(29 * MINUTE);
        t.expect((await app.call("getSession", id)) !== null, "the session must still exist after 29 idle minutes");
        t.advance(30 * MINUTE + 1000);
        t.expectEqual(await app.call("getSession", id), null, "session after 30 idle minutes");
        t.expectEqual(await t.cmd("DBSIZE"), 0, "keys left once every session expired");
      },
    },
    {
      name: "an active session stays alive past 30 minutes",
      visible: false,
      explanation: "Sliding expiry: every successful lookup pushes the expiry 30 minutes forward, so an active user is never logged out.",
      async run(t) {
        const app = await t.app();
        const id = await app.call<string>("createSession", "user-1", {});
        for (let minute = 20; minute <= 120; minute += 20) {
          t.advance(20 * MINUTE);
          t.expect((await app.call("getSession", id)) !== null, `the session must survive: last activity 20 minutes ago, ${minute} minutes after log-in`);
        }
      },
    },
    {
      name: "a session works from every app server",
      visible: false,
      appServers: 2,
      explanation: "Sessions live in Redis, not in an app server's memory: a load balancer may send the next request anywhere.",
      async run(t) {
        const [first, second] = await t.apps(2);
        const id = await first!.call<string>("createSession", "user-2", { step: 1 });
        t.expectEqual(await second!.call("getSession", id), { userId: "user-2", data: { step: 1 } }, "session read on another app server");
      },
    },
    {
      name: "a destroyed session is gone everywhere",
      visible: false,
      appServers: 2,
      explanation: "Logging out must delete the session in Redis, so no app server can still accept it.",
      async run(t) {
        const [first, second] = await t.apps(2);
        const id = await first!.call<string>("createSession", "user-3", {});
        await second!.call("destroySession", id);
        t.expectEqual(await first!.call("getSession", id), null, "session after log-out");
      },
    },
    {
      name: "an expired session stays expired",
      visible: false,
      explanation:
        "Only Redis decides whether a session is alive. Writing a session back after reading it (or from a local copy) can " +
        "resurrect one that expired or was destroyed in between.",
      async run(t) {
        const app = await t.app();
        const id = await app.call<string>("createSession", "user-4", {});
        t.advance(31 * MINUTE);
        t.expectEqual(await app.call("getSession", id), null, "session 31 idle minutes after log-in");
        t.expectEqual(await t.cmd("DBSIZE"), 0, "keys after looking up an expired session");
      },
    },
    {
      name: "session ids are unique and unguessable",
      visible: false,
      explanation:
        "A session id is a bearer credential: whoever knows it is logged in. Ids must carry at least 128 random bits, " +
        "never a counter or anything derived from the user.",
      async run(t) {
        const app = await t.app();
        const ids: string[] = [];
        for (let i = 0; i < 50; i++) ids.push(await app.call<string>("createSession", "same-user", {}));
        t.expectEqual(new Set(ids).size, ids.length, "distinct ids among 50 sessions");
        const shortest = Math.min(...ids.map((id) => id.length));
        t.expect(shortest >= 22, "ids must be long enough to hold 128 random bits", "≥ 22 characters", `${shortest} characters`);
        const numeric = ids.filter((id) => /^\d+$/.test(id)).length;
        t.expectEqual(numeric, 0, "ids that are plain numbers");
      },
    },
  ],
};
