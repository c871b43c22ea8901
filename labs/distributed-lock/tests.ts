import type { LabDefinition } from "../grader/types";

interface Lock {
  token: string;
  fence: number;
}

/** The storage service: keeps the highest fence per resource and refuses writes below it. */
function storage(store: Map<string, unknown>) {
  return {
    write(resource: string, value: string, fence?: number): boolean {
      const highest = store.get(`fence:${resource}`) as number | undefined;
      if (typeof fence === "number") {
        if (highest !== undefined && fence < highest) return false;
        store.set(`fence:${resource}`, fence);
      }
      store.set(resource, value);
      return true;
    },
  };
}

export const lab: LabDefinition = {
  slug: "distributed-lock",
  title: "Distributed lock with fencing tokens",
  functions: ["acquire", "release", "renew", "writeProtected"],
  backend: storage,
  hints: [
    "SET lock:<resource> <token> NX PX <ttl> takes the lock and sets its expiry in one command.",
    "In one Lua script: SET ... NX PX, and only if it succeeded, INCR a fence counter.",
    "Release: a Lua script that DELs only if GET returns your token. Renew: the same with PEXPIRE.",
  ],
  tests: [
    {
      name: "only one app server holds the lock at a time",
      visible: true,
      appServers: 2,
      explanation: "While one holder has the lock (and its TTL has not passed), acquire must return null for everybody else.",
      async run(t) {
        const [first, second] = await t.apps(2);
        const lock = await first!.call<Lock | null>("acquire", "invoice-42", 10_000);
        t.expect(lock !== null && typeof lock.token === "string" && typeof lock.fence === "number", "the first acquire must return { token, fence }", "a lock", lock);
        t.expectEqual(await second!.call("acquire", "invoice-42", 10_000), null, "second app server's acquire while the lock is held");
      },
    },
    {
      name: "releasing the lock lets another app server take it",
      visible: true,
      appServers: 2,
      explanation: "release(token) by the holder frees the lock immediately, without waiting for the TTL.",
      async run(t) {
        const [first, second] = await t.apps(2);
        const lock = (await first!.call<Lock>("acquire", "invoice-42", 10_000))!;
        t.expectEqual(await first!.call("release", "invoice-42", lock.token), true, "release by the holder");
        const next = await second!.call<Lock | null>("acquire", "invoice-42", 10_000);
        t.expect(next !== null, "the second app server must get the lock after the release", "a lock", next);
        t.expect(next!.fence > lock.fence, "fences must grow with every acquisition", `> ${lock.fence}`, next!.fence);
      },
    },
    {
      name: "exactly one of 100 simultaneous acquires on 4 app servers wins",
      visible: false,
      appServers: 4,
      explanation: "Taking the lock must be a single atomic command (SET NX PX): check-then-set lets several callers in.",
      async run(t) {
        const apps = await t.apps(4);
        const locks = await t.spread<Lock | null>(apps, 100, "acquire", () => ["payout", 30_000]);
        t.expectEqual(locks.filter((lock) => lock !== null).length, 1, "winners among 100 concurrent acquires");
      },
    },
    {
      name: "a crashed holder's lock expires after its TTL",
      visible: false,
      appServers: 2,
      explanation:
        "A holder may crash or lose its connection right after locking. The TTL must be set in the same command as the " +
        "lock (SET NX PX), or a lock without expiry blocks everyone forever.",
      async run(t) {
        const [first, second] = await t.apps(2);
        t.expect((await first!.call("acquire", "report", 5_000)) !== null, "the first acquire must succeed");
        first!.dropConnection();
        t.advance(4_999);
        t.expectEqual(await second!.call("acquire", "report", 5_000), null, "acquire 1 ms before the crashed holder's TTL ends");
        t.advance(2);
        const lock = await second!.call<Lock | null>("acquire", "report", 5_000);
        t.expect(lock !== null, "the lock must be free once the crashed holder's TTL has passed", "a lock", lock);
      },
    },
    {
      name: "release never deletes a lock another app server holds",
      visible: false,
      appServers: 3,
      explanation:
        "A holder whose TTL ran out no longer owns the lock. Its release must compare the token and leave the new holder's " +
        "lock alone; a plain DEL hands the lock to a third server while the second is still working.",
      async run(t) {
        const [first, second, third] = await t.apps(3);
        const old = (await first!.call<Lock>("acquire", "cart-7", 1_000))!;
        t.advance(1_500);
        const current = await second!.call<Lock | null>("acquire", "cart-7", 10_000);
        t.expect(current !== null, "the lock must be free after its TTL");
        t.expectEqual(await first!.call("release", "cart-7", old.token), false, "release with an expired holder's token");
        t.expectEqual(await third!.call("acquire", "cart-7", 10_000), null, "acquire by a third server while the second holds the lock");
      },
    },
    {
      name: "release compares and deletes in one atomic step",
      visible: false,
      explanation:
        "GET then DEL are two commands: the lock can expire and be taken by another server between them, and the DEL removes " +
        "the new holder's lock. Compare-and-delete must be one Lua script (EVAL/EVALSHA).",
      async run(t) {
        const app = await t.app();
        const lock = (await app.call<Lock>("acquire", "ledger", 10_000))!;
        const { value, commands } = await t.commandsDuring(() => app.call("release", "ledger", lock.token));
        t.expectEqual(value, true, "release by the holder");
        const separate = commands.filter((line) => /^\[app \d+\] (GET|DEL|UNLINK)\b/i.test(line));
        t.expectEqual(separate, [], "commands that read or delete the lock outside a script");
      },
    },
    {
      name: "renewal extends only the caller's own lock",
      visible: false,
      appServers: 2,
      explanation: "renew must check the token atomically (Lua): a server that lost its lock must not extend the new holder's lock.",
      async run(t) {
        const [first, second] = await t.apps(2);
        const lock = (await first!.call<Lock>("acquire", "batch", 1_000))!;
        t.advance(800);
        t.expectEqual(await first!.call("renew", "batch", lock.token, 1_000), true, "renewal by the holder");
        t.advance(800);
        t.expectEqual(await second!.call("acquire", "batch", 1_000), null, "acquire 1.6 s after locking, 0.8 s after renewing for 1 s");
        t.expectEqual(await second!.call("renew", "batch", "not-the-token", 60_000), false, "renewal with a wrong token");
        t.advance(201);
        const next = await second!.call<Lock | null>("acquire", "batch", 1_000);
        t.expect(next !== null, "the lock must expire 1 s after the holder's renewal (the wrong-token renewal must not count)", "a lock", next);
      },
    },
    {
      name: "a paused holder's late write is refused by the storage (fencing)",
      visible: false,
      appServers: 2,
      explanation:
        "The first holder freezes (a long GC pause) past its TTL; a second server takes the lock and writes. When the first " +
        "wakes up its write must carry its fence so the storage can refuse it.",
      async run(t) {
        const [first, second] = await t.apps(2);
        const old = (await first!.call<Lock>("acquire", "profile-9", 2_000))!;
        first!.pause();
        t.advance(3_000);
        const current = await second!.call<Lock | null>("acquire", "profile-9", 2_000);
        t.expect(current !== null, "the lock must be free while its holder is paused past the TTL");
        t.expectEqual(await second!.call("writeProtected", "profile-9", current, "written by app 2"), true, "the current holder's write");
        first!.resume();
        t.expectEqual(await first!.call("writeProtected", "profile-9", old, "late write by app 1"), false, "the paused holder's late write");
        t.expectEqual(t.backend.store.get("profile-9"), "written by app 2", "value in the storage");
      },
    },
  ],
};
