import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

/** KEYS[1] the user's log; ARGV window ms, limit, a unique member. Only allowed requests are logged. */
const SLIDING_WINDOW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 1
end
return 0`;

export async function isAllowed({ redis }: Deps, userId: string, limit: number, windowMs: number): Promise<boolean> {
  return (await redis.eval(SLIDING_WINDOW, 1, `ratelimit:${userId}`, windowMs, limit, crypto.randomUUID())) === 1;
}
