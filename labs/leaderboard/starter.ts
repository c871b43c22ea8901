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

export async function addScore(deps: Deps, board: string, player: string, points: number): Promise<number> {
  throw new Error("not implemented");
}

export async function top(deps: Deps, board: string, n: number): Promise<Entry[]> {
  throw new Error("not implemented");
}

export async function rank(deps: Deps, board: string, player: string): Promise<number | null> {
  throw new Error("not implemented");
}

export async function around(deps: Deps, board: string, player: string, radius: number): Promise<RankedEntry[]> {
  throw new Error("not implemented");
}

export async function addDailyScore(deps: Deps, player: string, points: number): Promise<number> {
  throw new Error("not implemented");
}

export async function dailyTop(deps: Deps, day: string, n: number): Promise<Entry[]> {
  throw new Error("not implemented");
}
