import type { Dict } from "./dict";

/**
 * One step of HSCAN/SSCAN/ZSCAN over a Dict, with the stopping rule of Redis's
 * scanGenericCommand: keep visiting until about `count` entries were collected, the iteration
 * ends (cursor 0), or 10 × `count` slots were tried. So a small table comes back whole with
 * cursor 0 even when deletions left holes in it, as it would from Redis.
 */
export function scanDict<V>(dict: Dict<V>, cursor: number, count: number, visit: (key: string, value: V) => void): number {
  let collected = 0;
  const counting = (key: string, value: V): void => {
    collected++;
    visit(key, value);
  };
  let slotBudget = count * 10;
  do {
    const step = Math.min(slotBudget, Math.max(1, count - collected));
    cursor = dict.scan(cursor, step, counting);
    slotBudget -= step;
  } while (cursor !== 0 && collected < count && slotBudget > 0);
  return cursor;
}
