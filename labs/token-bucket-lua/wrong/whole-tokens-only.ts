// expect-fail: refill is continuous: fractions of a token are kept
// Refills whole tokens only (math.floor) but moves the timestamp on every call: the fraction
// earned since the last call is thrown away, so frequent callers never see a refill.
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

const TAKE = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.floor((now - ts) / 1000 * rate))
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return taken`;

export async function take({ redis }: Deps, bucket: string, capacity: number, refillPerSecond: number): Promise<boolean> {
  return (await redis.eval(TAKE, 1, `bucket:${bucket}`, capacity, refillPerSecond)) === 1;
}
