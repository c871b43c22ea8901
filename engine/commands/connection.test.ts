import { describe, expect, it } from "vitest";
import { useDifferential } from "../testing/differential";

describe("connection commands against redis-server", () => {
  const diff = useDifferential();

  it("PING, ECHO and SELECT reply like Redis, errors included", async () => {
    await diff.check([
      ["PING"],
      ["PING", "hello"],
      ["PING", "a", "b"],
      ["ECHO", "bin\x00ary\xff"],
      ["ECHO"],
      ["SELECT", "15"],
      ["SELECT", "16"],
      ["SELECT", "-1"],
      ["SELECT", "abc"],
      ["SELECT", "0"],
      ["NOSUCHCOMMAND", "x", "y"],
      ["nosuch"],
    ]);
  });

  it("answers inline commands and pipelines", async () => {
    const [redis, engine] = await diff.connectPair();
    const request = 'PING\r\nECHO "quoted \\x41 arg"\r\n\r\nPING x\r\n';
    const expected = await redis.sendRaw(request, 3);
    const actual = await engine.sendRaw(request, 3);
    expect(actual.map((reply) => reply.raw)).toEqual(expected.map((reply) => reply.raw));
  });
});
