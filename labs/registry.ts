/** Every lab, in course order. Each lab's tests (hidden ones included) stay in the trusted parent. */
import type { LabDefinition } from "./grader/types";
import { lab as cacheAsideStampede } from "./cache-aside-stampede/tests";
import { lab as cacheAvalanche } from "./cache-avalanche/tests";
import { lab as cachePenetration } from "./cache-penetration/tests";
import { lab as distributedLock } from "./distributed-lock/tests";
import { lab as hotKey } from "./hot-key/tests";
import { lab as leaderboard } from "./leaderboard/tests";
import { lab as rateLimiterFixedWindow } from "./rate-limiter-fixed-window/tests";
import { lab as rateLimiterSlidingWindow } from "./rate-limiter-sliding-window/tests";
import { lab as sessionStore } from "./session-store/tests";
import { lab as tokenBucketLua } from "./token-bucket-lua/tests";

export const labs: LabDefinition[] = [rateLimiterFixedWindow, rateLimiterSlidingWindow, tokenBucketLua, leaderboard, distributedLock, cacheAsideStampede, cacheAvalanche, hotKey, cachePenetration, sessionStore];
