import { describe, expect, it } from "vitest";
import { VirtualClock } from "../clock";
import { Engine } from "../engine";
import { ErrorReply } from "../protocol/reply";

// Kept in its own file: run after the differential scripting tests in the same process it
// times out (an interference between engines in one process still to be found; see the
// closing note of the session that moved it).
describe("busy scripts in slices", () => {
  it("keeps time frozen at the script's start while a busy script resumes in slices", async () => {
    const clock = new VirtualClock(1_000_000);
    const engine = new Engine({ clock, config: { "busy-reply-threshold": "50" } });
    const [runner, other] = [engine.connect(), engine.connect()];
    const started = performance.now();
    await runner.call("EVAL", "local i = 0 while i < 200000 do i = i + 1 end", "0");
    const iterations = Math.ceil((200000 * 1000) / Math.max(1, performance.now() - started));
    const script = "redis.call('set', 'k', 'v', 'px', 100) local i = 0 while i < tonumber(ARGV[1]) do i = i + 1 end return redis.call('exists', 'k')";
    const result = runner.call("EVAL", script, "0", String(iterations));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await other.call("GET", "k")).toEqual(new ErrorReply("BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE."));
    clock.advance(5000);
    expect(await result).toBe(1);
    expect(await other.call("EXISTS", "k")).toBe(0);
    engine.close();
  });

});
