import type { AppServer, TestContext } from "../grader/context";
import type { LabDefinition } from "../grader/types";

interface User {
  id: string;
  name: string;
}

const user = (id: string): User => ({ id, name: `User ${id}` });

/** Users that exist before the test: in the database, announced to the solution. */
async function createUsers(t: TestContext, app: AppServer, ids: string[]): Promise<void> {
  for (const id of ids) {
    t.backend.store.set(`user:${id}`, user(id));
    await app.call("onUserCreated", id);
  }
}

export const lab: LabDefinition = {
  slug: "cache-penetration",
  title: "Cache penetration",
  functions: ["getUser", "onUserCreated"],
  backend: (store) => ({
    findUser: (id: string) => store.get(`user:${id}`) ?? null,
  }),
  hints: [
    "Negative caching: on a miss in the database, SET user:<id> to a marker with a short EX.",
    "Or a Bloom filter: SETBIT users:bloom <hash_i(id)> 1 for each created user; any GETBIT 0 means \"certainly absent\".",
    "Either way: what you store for unknown ids must expire, and new users must show up within minutes.",
  ],
  tests: [
    {
      name: "an existing user is loaded once, then served from Redis",
      visible: true,
      explanation: "Cache-aside for users that exist: the second lookup must not reach the database.",
      async run(t) {
        const app = await t.app();
        await createUsers(t, app, ["alice", "bob"]);
        t.expectEqual(await app.call("getUser", "alice"), user("alice"), "first lookup of alice");
        t.expectEqual(await app.call("getUser", "alice"), user("alice"), "second lookup of alice");
        t.expectEqual(t.backend.calls, 1, "database calls for two lookups");
      },
    },
    {
      name: "a missing user is null",
      visible: true,
      explanation: "Unknown ids resolve to null, not to an error or an empty object.",
      async run(t) {
        const app = await t.app();
        await createUsers(t, app, ["alice"]);
        t.expectEqual(await app.call("getUser", "mallory"), null, "lookup of an unknown id");
      },
    },
    {
      name: "repeated lookups of missing ids do not keep reaching the database",
      visible: false,
      appServers: 2,
      explanation:
        "A cache that only stores hits is useless against lookups of ids that do not exist: each one goes to the database, " +
        "and a scraper can hammer it at will. Remember the misses (briefly) or rule them out with a Bloom filter.",
      timeoutMs: 30_000,
      async run(t) {
        const apps = await t.apps(2);
        await createUsers(t, apps[0]!, Array.from({ length: 100 }, (_, i) => `member-${i}`));
        const missing = Array.from({ length: 400 }, (_, i) => `ghost-${i}`);
        for (let round = 0; round < 5; round++) {
          const answers = await t.spread(apps, missing.length, "getUser", (i) => [missing[i]!]);
          t.expect(answers.every((answer) => answer === null), "every unknown id must resolve to null");
        }
        t.expect(t.backend.calls <= 440, "database calls for 5 rounds of 400 unknown ids", "≤ 440", t.backend.calls);
      },
    },
    {
      name: "a user created after a failed lookup is found within 5 minutes",
      visible: false,
      explanation: "Whatever remembers \"not found\" must not hide a user created later: give it a short TTL or clear it when the user is created.",
      async run(t) {
        const app = await t.app();
        await createUsers(t, app, ["alice"]);
        t.expectEqual(await app.call("getUser", "newcomer"), null, "lookup before the user exists");
        await createUsers(t, app, ["newcomer"]);
        t.advance(5 * 60_000);
        t.expectEqual(await app.call("getUser", "newcomer"), user("newcomer"), "lookup 5 minutes after the user was created");
      },
    },
    {
      name: "ids that do not exist leave no permanent keys",
      visible: false,
      explanation: "A scraper can try millions of ids: if each leaves a key without a TTL, Redis fills up. Negative entries must expire.",
      async run(t) {
        const app = await t.app();
        await createUsers(t, app, ["alice"]);
        for (let i = 0; i < 200; i++) await app.call("getUser", `probe-${i}`);
        const permanent = [...(await t.keysWithTtl())].filter(([, ttl]) => ttl === -1).map(([key]) => key);
        t.expect(permanent.length <= 4, "keys without a TTL after 200 lookups of unknown ids", "≤ 4 (e.g. a Bloom filter)", permanent.length);
      },
    },
  ],
};
