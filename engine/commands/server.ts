/** Server commands: FLUSHDB, FLUSHALL, ... (Redis's "server" group). */
import { isToken } from "./args";
import { errors } from "../errors";
import type { Database } from "../database";
import type { Engine } from "../engine";
import { OK, type Reply } from "../protocol/reply";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

function flushDatabase(engine: Engine, db: Database): void {
  engine.touchAllWatchedKeys(db);
  db.clear();
}

/** FLUSHDB/FLUSHALL accept an optional SYNC or ASYNC; both free memory at once here. */
function checkFlushMode(argv: string[]): Reply | undefined {
  if (argv.length > 2 || (argv.length === 2 && !isToken(argv[1], "SYNC") && !isToken(argv[1], "ASYNC"))) return errors.syntax;
  return undefined;
}

function flushdb({ engine, client }: CommandContext, argv: string[]): Reply {
  const error = checkFlushMode(argv);
  if (error) return error;
  flushDatabase(engine, client.db);
  return OK;
}

function flushall({ engine }: CommandContext, argv: string[]): Reply {
  const error = checkFlushMode(argv);
  if (error) return error;
  for (const db of engine.databases) flushDatabase(engine, db);
  return OK;
}

const flushArguments = [
  {
    name: "flush-type",
    type: "oneof" as const,
    optional: true,
    arguments: [
      { name: "async", type: "pure-token" as const, token: "ASYNC" },
      { name: "sync", type: "pure-token" as const, token: "SYNC" },
    ],
  },
];

export const commands: CommandSpec[] = [
  defineCommand("flushdb", {
    arity: -1,
    flags: "write",
    acl: "keyspace write slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Removes all keys from the current database.",
    complexity: "O(N) where N is the number of keys in the selected database",
    tips: "request_policy:all_shards response_policy:all_succeeded",
    arguments: flushArguments,
    handler: flushdb,
  }),
  defineCommand("flushall", {
    arity: -1,
    flags: "write",
    acl: "keyspace write slow dangerous",
    group: "server",
    since: "1.0.0",
    summary: "Removes all keys from all databases.",
    complexity: "O(N) where N is the total number of keys in all databases",
    tips: "request_policy:all_shards response_policy:all_succeeded",
    arguments: flushArguments,
    handler: flushall,
  }),
];
