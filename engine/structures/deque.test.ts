import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/differential";
import { Deque } from "./deque";
import { ListValue } from "./list";

describe("Deque", () => {
  it("pushes and pops at both ends across growth and wrap-around", () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 10; i++) deque.pushBack(i);
    for (let i = 1; i <= 10; i++) deque.pushFront(-i);
    expect(deque.length).toBe(20);
    expect(deque.toArray()).toEqual([-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(deque.popFront()).toBe(-10);
    expect(deque.popBack()).toBe(9);
    expect(deque.at(0)).toBe(-9);
    expect(deque.at(17)).toBe(8);
    expect(deque.at(18)).toBeUndefined();
    expect(deque.at(-1)).toBeUndefined();
    const empty = new Deque<string>();
    expect(empty.popFront()).toBeUndefined();
    expect(empty.popBack()).toBeUndefined();
  });

  it("matches an array model under random operations", () => {
    const seed = 4242;
    const random = seededRandom(seed);
    const deque = new Deque<number>();
    let model: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const op = Math.floor(random() * 9);
      const value = Math.floor(random() * 1000);
      const index = Math.floor(random() * (model.length + 1));
      switch (op) {
        case 0:
          deque.pushFront(value);
          model.unshift(value);
          break;
        case 1:
          deque.pushBack(value);
          model.push(value);
          break;
        case 2:
          expect(deque.popFront(), `seed ${seed} step ${step}`).toBe(model.shift());
          break;
        case 3:
          expect(deque.popBack(), `seed ${seed} step ${step}`).toBe(model.pop());
          break;
        case 4:
          deque.insertAt(index, value);
          model.splice(index, 0, value);
          break;
        case 5:
          if (index < model.length) expect(deque.removeAt(index)).toBe(model.splice(index, 1)[0]);
          break;
        case 6: {
          const limit = Math.floor(random() * 3);
          const fromBack = random() < 0.5;
          const target = value % 10;
          const removed = deque.removeWhere((item) => item % 10 === target, limit, fromBack);
          let expectedRemoved = 0;
          const order = fromBack ? [...model.keys()].reverse() : [...model.keys()];
          const drop = new Set<number>();
          for (const i of order) {
            if (model[i]! % 10 === target && (limit === 0 || expectedRemoved < limit)) {
              drop.add(i);
              expectedRemoved++;
            }
          }
          model = model.filter((_, i) => !drop.has(i));
          expect(removed, `seed ${seed} step ${step}`).toBe(expectedRemoved);
          break;
        }
        case 7: {
          const front = Math.floor(random() * 3);
          const back = Math.floor(random() * 3);
          deque.trim(front, back);
          model = front + back >= model.length ? [] : model.slice(front, model.length - back);
          break;
        }
        default:
          if (index < model.length) {
            deque.set(index, value);
            model[index] = value;
          }
      }
      expect(deque.length, `seed ${seed} step ${step}`).toBe(model.length);
      if (step % 500 === 0) expect(deque.toArray(), `seed ${seed} step ${step}`).toEqual(model);
    }
    expect([...deque]).toEqual(model);
  });

  it("rejects out-of-range positional edits", () => {
    const deque = new Deque<number>();
    deque.pushBack(1);
    expect(() => deque.set(1, 0)).toThrow(RangeError);
    expect(() => deque.insertAt(2, 0)).toThrow(RangeError);
    expect(() => deque.removeAt(1)).toThrow(RangeError);
  });

  it("gives memory back after shrinking", () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 10_000; i++) deque.pushBack(i);
    for (let i = 0; i < 9_990; i++) deque.popFront();
    expect((deque as unknown as { items: unknown[] }).items.length).toBeLessThan(1024);
    expect(deque.toArray()).toEqual([9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999]);
  });
});

describe("ListValue", () => {
  it("reports quicklist and clones independently", () => {
    const list = ListValue.from(["a", "b"]);
    const copy = list.clone();
    copy.pushBack("c");
    expect(list.encoding).toBe("quicklist");
    expect([...list]).toEqual(["a", "b"]);
    expect([...copy]).toEqual(["a", "b", "c"]);
  });
});
