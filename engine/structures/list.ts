/** The value of a Redis list key. */
import { Deque } from "./deque";

export class ListValue extends Deque<string> {
  /** Redis 7.0 stores every list as a quicklist, whatever its size. */
  get encoding(): "quicklist" {
    return "quicklist";
  }

  static from(elements: Iterable<string>): ListValue {
    const list = new ListValue();
    for (const element of elements) list.pushBack(element);
    return list;
  }

  clone(): ListValue {
    return ListValue.from(this);
  }
}

declare module "../object" {
  interface ObjectValueMap {
    list: ListValue;
  }
}
