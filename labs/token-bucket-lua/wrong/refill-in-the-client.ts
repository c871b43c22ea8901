// expect-fail: exactly the capacity of 100 simultaneous requests on 4 app servers get a token
// Reads the bucket, refills and takes in JavaScript, writes it back: concurrent requests read
// the same token count and each takes "the last token".
import type { Redis } from "ioredis";

export interface Deps {
  redis: Redis;
}

export async function take({ redis }: Deps, bucket: string, capacity: number, refillPerSecond: number): Promise<boolean> {
  const key = `bucket:${bucket}`;
  const [storedTokens, storedTs] = await redis.hmget(key, "tokens", "ts");
  const now = Date.now();
  let tokens = storedTokens === null ? capacity : Number(storedTokens);
  const ts = storedTs === null ? now : Number(storedTs);
  tokens = Math.min(capacity, tokens + ((now - ts) / 1000) * refillPerSecond);
  const taken = tokens >= 1;
  if (taken) tokens -= 1;
  await redis.hset(key, "tokens", tokens, "ts", now);
  await redis.pexpire(key, Math.ceil((capacity / refillPerSecond) * 1000) + 1000);
  return taken;
}
