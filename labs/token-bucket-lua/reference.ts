import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

/**
 * KEYS[1] bucket hash; ARGV capacity, refill per second. State: tokens (fractional) and ts (ms).
 * Time comes from the server so every app server agrees.
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil then
  tokens = capacity
  ts = now
end
tokens = math.min(capacity, tokens + (now - ts) / 1000 * rate)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1000)
return taken`;

export async function take({ redis }: Deps, bucket: string, capacity: number, refillPerSecond: number): Promise<boolean> {
  return (await redis.eval(TAKE, 1, `bucket:${bucket}`, capacity, refillPerSecond)) === 1;
}
