import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const LOGIN_ATTEMPTS_PER_WINDOW = 5;
export const LOGIN_WINDOW_SECONDS = 60;

// In-memory: limits apply per server process, which is how this app is deployed (one `next start`).
const limiter = new RateLimiterMemory({ points: LOGIN_ATTEMPTS_PER_WINDOW, duration: LOGIN_WINDOW_SECONDS });

const keyFor = (ip: string, email: string) => `${ip}|${email}`;

export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Count one sign-in attempt for this IP and email. */
export async function consumeLoginAttempt(ip: string, email: string): Promise<LoginAttempt> {
  try {
    await limiter.consume(keyFor(ip, email));
    return { allowed: true };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

/** A successful sign-in clears the count, so a typo earlier does not linger. */
export async function clearLoginAttempts(ip: string, email: string): Promise<void> {
  await limiter.delete(keyFor(ip, email));
}
