/**
 * The engine's public API: an in-process Redis 7-compatible server.
 *
 *   const engine = createEngine({ clock: new VirtualClock() });
 *   const client = engine.connect();
 *   await client.call("SET", "k", "v");
 *   const server = await listen(engine, { port: 6380 });   // redis-cli -p 6380
 */
import { Engine, type EngineOptions } from "./engine";

export { Engine, type EngineOptions } from "./engine";
export { RealClock, VirtualClock, type Clock } from "./clock";
export { listen, type EngineServer, type ListenOptions } from "./server";
export { LocalClient, type Argument } from "./local-client";
export * from "./protocol/reply";
export { encodeToString } from "./protocol/encoder";
export { fromBinary, toBinary } from "./commands/args";
export { seededRandom } from "./util/random";

export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}
