// expect-fail: players with equal scores are listed in Redis's order
// Fetches the whole board and sorts it in JavaScript (score descending, then name ascending):
// slow on big boards, and ties come out in a different order than rank() reports.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export interface Entry {
  player: string;
  score: number;
}

export interface RankedEntry extends Entry {
  rank: number;
}

const DAY_MS = 86_400_000;
/** A day's board lives until 7 days after the day ends. */
const DAILY_RETENTION_MS = 7 * DAY_MS;

const boardKey = (board: string) => `leaderboard:${board}`;
const dailyKey = (day: string) => `leaderboard:daily:${day}`;

/** WITHSCORES replies are flat: member, score, member, score... */
function pairs(flat: string[], firstRank = 1): RankedEntry[] {
  const entries: RankedEntry[] = [];
  for (let i = 0; i < flat.length; i += 2) entries.push({ player: flat[i]!, score: Number(flat[i + 1]), rank: firstRank + i / 2 });
  return entries;
}

async function topOf(redis: Redis, key: string, n: number): Promise<Entry[]> {
  const all = pairs(await redis.zrange(key, 0, -1, "WITHSCORES")).map(({ player, score }) => ({ player, score }));
  all.sort((a, b) => b.score - a.score || a.player.localeCompare(b.player));
  return all.slice(0, Math.max(0, n));
}

export async function addScore({ redis }: Deps, board: string, player: string, points: number): Promise<number> {
  return Number(await redis.zincrby(boardKey(board), points, player));
}

export async function top({ redis }: Deps, board: string, n: number): Promise<Entry[]> {
  return topOf(redis, boardKey(board), n);
}

export async function rank({ redis }: Deps, board: string, player: string): Promise<number | null> {
  const zeroBased = await redis.zrevrank(boardKey(board), player);
  return zeroBased === null ? null : zeroBased + 1;
}

export async function around({ redis }: Deps, board: string, player: string, radius: number): Promise<RankedEntry[]> {
  const zeroBased = await redis.zrevrank(boardKey(board), player);
  if (zeroBased === null) return [];
  // Negative indexes count from the end in Redis: clamp the start at the leader.
  const start = Math.max(0, zeroBased - radius);
  return pairs(await redis.zrevrange(boardKey(board), start, zeroBased + radius, "WITHSCORES"), start + 1);
}

export async function addDailyScore({ redis }: Deps, player: string, points: number): Promise<number> {
  const now = Date.now();
  const day = new Date(now).toISOString().slice(0, 10);
  const dayEnds = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  const [[, score]] = (await redis
    .multi()
    .zincrby(dailyKey(day), points, player)
    .pexpireat(dailyKey(day), dayEnds + DAILY_RETENTION_MS)
    .exec()) as [[Error | null, string], [Error | null, number]];
  return Number(score);
}

export async function dailyTop({ redis }: Deps, day: string, n: number): Promise<Entry[]> {
  return topOf(redis, dailyKey(day), n);
}
