/** Connection commands: PING, ECHO, SELECT, QUIT, ... (Redis's "connection" group). */
import { errors } from "../errors";
import { ErrorReply, OK, PONG, type Reply } from "../protocol/reply";
import { integerArg } from "./args";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

function ping({ client }: CommandContext, argv: string[]): Reply {
  if (argv.length > 2) return errors.wrongArity("ping");
  // A subscribed RESP2 client gets PING's answer in the pub/sub message shape.
  if (client.inPubSubContext) return ["pong", argv[1] ?? ""];
  return argv.length === 2 ? argv[1]! : PONG;
}

function echo(_ctx: CommandContext, argv: string[]): Reply {
  return argv[1]!;
}

function select({ engine, client }: CommandContext, argv: string[]): Reply {
  const index = integerArg(argv[1]!, new ErrorReply("ERR value is not an integer or out of range"));
  if (index < 0 || index >= engine.databases.length) return new ErrorReply("ERR DB index is out of range");
  client.db = engine.databases[index]!;
  return OK;
}

export const commands: CommandSpec[] = [
  defineCommand("ping", {
    arity: -1,
    flags: "fast sentinel",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Returns the server's liveliness response.",
    complexity: "O(1)",
    tips: "request_policy:all_shards response_policy:all_succeeded",
    arguments: [{ name: "message", type: "string", optional: true }],
    handler: ping,
  }),
  defineCommand("echo", {
    arity: 2,
    flags: "fast",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Returns the given string.",
    complexity: "O(1)",
    arguments: [{ name: "message", type: "string" }],
    handler: echo,
  }),
  defineCommand("select", {
    arity: 2,
    flags: "loading stale fast",
    acl: "fast connection",
    group: "connection",
    since: "1.0.0",
    summary: "Changes the selected database.",
    complexity: "O(1)",
    arguments: [{ name: "index", type: "integer" }],
    handler: select,
  }),
];
