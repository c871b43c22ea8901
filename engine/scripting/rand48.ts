/**
 * The 48-bit linear congruential generator behind Redis's math.random (rand.c, after
 * drand48): the same seed gives the same sequence as redis-server.
 */
const MULTIPLIER = 0x5deece66dn;
const INCREMENT = 0xbn;
const MASK = (1n << 48n) - 1n;

export class Rand48 {
  private state = 0x1234abcd330en;

  /** redisSrand48: the seed's 32 bits above the fixed low word 0x330E. */
  seed(value: number): void {
    this.state = ((BigInt(value | 0) & 0xffffffffn) << 16n) | 0x330en;
  }

  /** redisLrand48: the next 31-bit value. */
  next(): number {
    this.state = (this.state * MULTIPLIER + INCREMENT) & MASK;
    return Number(this.state >> 17n);
  }
}
