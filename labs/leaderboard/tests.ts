import type { TestContext } from "../grader/context";
import type { LabDefinition } from "../grader/types";

interface Entry {
  player: string;
  score: number;
}

const DAY = 86_400_000;

/** 20 players with distinct scores: p01 has 10, p02 20, ... p20 200 (p20 leads). */
async function twentyPlayers(t: TestContext): Promise<void> {
  for (let i = 1; i <= 20; i++) await t.cmd("ZADD", "leaderboard:arena", i * 10, `p${String(i).padStart(2, "0")}`);
}

const ranked = (rank: number) => {
  const number = 21 - rank;
  return { player: `p${String(number).padStart(2, "0")}`, score: number * 10, rank };
};

export const lab: LabDefinition = {
  slug: "leaderboard",
  title: "Leaderboard",
  functions: ["addScore", "top", "rank", "around", "addDailyScore", "dailyTop"],
  hints: [
    "Board = sorted set leaderboard:<board>: ZINCRBY to add, ZREVRANGE 0 n-1 WITHSCORES for the top.",
    "ZREVRANK is 0-based; add 1. It and ZREVRANGE order ties the same way.",
    "Around me: ZREVRANGE from max(0, rank - radius) to rank + radius.",
    "Daily board: ZINCRBY and PEXPIREAT (end of the day + 7 days) in one MULTI.",
  ],
  tests: [
    {
      name: "scores add up and the top players come highest first",
      visible: true,
      explanation: "addScore accumulates points per player; top(n) lists the n best with their totals, best first.",
      async run(t) {
        const app = await t.app();
        await app.call("addScore", "arena", "ada", 50);
        await app.call("addScore", "arena", "bo", 70);
        t.expectEqual(await app.call("addScore", "arena", "ada", 30), 80, "ada's total after 50 + 30");
        await app.call("addScore", "arena", "cy", 10);
        t.expectEqual(await app.call("top", "arena", 2), [{ player: "ada", score: 80 }, { player: "bo", score: 70 }], "top 2");
      },
    },
    {
      name: "the leader is rank 1 and a player without a score has no rank",
      visible: true,
      explanation: "Ranks shown to players start at 1. Redis's ZREVRANK starts at 0: convert it. Unknown players get null.",
      async run(t) {
        await twentyPlayers(t);
        const app = await t.app();
        t.expectEqual(await app.call("rank", "arena", "p20"), 1, "rank of the leader");
        t.expectEqual(await app.call("rank", "arena", "p01"), 20, "rank of the last of 20");
        t.expectEqual(await app.call("rank", "arena", "nobody"), null, "rank of a player without a score");
      },
    },
    {
      name: "players with equal scores are listed in Redis's order",
      visible: false,
      explanation:
        "Among equal scores a reversed range lists members in descending byte order (cy, bo, ada). The top list must follow " +
        "it, or it disagrees with the ranks the same board reports.",
      async run(t) {
        const app = await t.app();
        for (const player of ["bo", "ada", "cy", "dee"]) await app.call("addScore", "arena", player, player === "dee" ? 90 : 100);
        const expected: Entry[] = [
          { player: "cy", score: 100 },
          { player: "bo", score: 100 },
          { player: "ada", score: 100 },
          { player: "dee", score: 90 },
        ];
        t.expectEqual(await app.call("top", "arena", 4), expected, "top 4 with a three-way tie");
        t.expectEqual(await app.call("rank", "arena", "ada"), 3, "ada's rank in the tie");
      },
    },
    {
      name: "players around a player in the middle",
      visible: false,
      explanation: "around(player, 2) lists the two players above, the player, and the two below, with their 1-based ranks.",
      async run(t) {
        await twentyPlayers(t);
        const app = await t.app();
        t.expectEqual(await app.call("around", "arena", "p11", 2), [8, 9, 10, 11, 12].map(ranked), "around p11 (rank 10)");
        t.expectEqual(await app.call("around", "arena", "nobody", 2), [], "around a player without a score");
      },
    },
    {
      name: "players around the leader and around the last player",
      visible: false,
      explanation: "Near the ends there are fewer neighbours. A negative range start does not mean 0 in Redis: it counts from the end.",
      async run(t) {
        await twentyPlayers(t);
        const app = await t.app();
        t.expectEqual(await app.call("around", "arena", "p20", 2), [1, 2, 3].map(ranked), "around the leader");
        t.expectEqual(await app.call("around", "arena", "p19", 3), [1, 2, 3, 4, 5].map(ranked), "around the runner-up, radius 3");
        t.expectEqual(await app.call("around", "arena", "p01", 2), [18, 19, 20].map(ranked), "around the last player");
      },
    },
    {
      name: "each day has its own daily board",
      visible: false,
      explanation: "Daily scores go to the board of the current UTC day (leaderboard:daily:YYYY-MM-DD); a new day starts empty.",
      async run(t) {
        const app = await t.app();
        await app.call("addDailyScore", "ada", 10);
        await app.call("addDailyScore", "bo", 5);
        t.advance(DAY);
        await app.call("addDailyScore", "bo", 7);
        t.expectEqual(await app.call("dailyTop", "2026-01-05", 10), [{ player: "ada", score: 10 }, { player: "bo", score: 5 }], "board of 2026-01-05");
        t.expectEqual(await app.call("dailyTop", "2026-01-06", 10), [{ player: "bo", score: 7 }], "board of 2026-01-06");
      },
    },
    {
      name: "a daily board is kept for a week, then expires",
      visible: false,
      explanation: "Old daily boards must not pile up: give each a TTL so it is still there 6 days after its day, and gone after 8.",
      async run(t) {
        const app = await t.app();
        await app.call("addDailyScore", "ada", 10);
        t.advance(6 * DAY + 14 * 3_600_000);
        t.expectEqual(await app.call("dailyTop", "2026-01-05", 1), [{ player: "ada", score: 10 }], "board of 2026-01-05, read on 2026-01-11 23:00");
        t.advance(2 * DAY);
        t.expectEqual(await t.cmd("EXISTS", "leaderboard:daily:2026-01-05"), 0, "board of 2026-01-05 on 2026-01-13");
      },
    },
  ],
};
