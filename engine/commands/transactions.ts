/** Transactions: MULTI, EXEC, DISCARD, WATCH, UNWATCH (Redis's "transactions" group). */
import type { Client } from "../client";
import type { Engine } from "../engine";
import { ArrayHeader, ErrorReply, MultiReply, NULL_ARRAY, OK, type Reply } from "../protocol/reply";
import { BLOCKED, type CommandContext, type CommandSpec, NO_REPLY, defineCommand } from "./spec";

const NESTED_MULTI = new ErrorReply("ERR MULTI calls can not be nested");
const EXEC_WITHOUT_MULTI = new ErrorReply("ERR EXEC without MULTI");
const DISCARD_WITHOUT_MULTI = new ErrorReply("ERR DISCARD without MULTI");
const WATCH_INSIDE_MULTI = new ErrorReply("ERR WATCH inside MULTI is not allowed");
const EXEC_ABORT = new ErrorReply("EXECABORT Transaction discarded because of previous errors.");

function multi({ client }: CommandContext): Reply {
  // Rejected by the handler, not at queueing time, so it does not doom the transaction.
  if (client.transaction) return NESTED_MULTI;
  client.transaction = { queue: [], aborted: false };
  return OK;
}

/** Leaves MULTI state and forgets watched keys (after EXEC or DISCARD). */
function endTransaction(engine: Engine, client: Client): void {
  client.transaction = undefined;
  engine.unwatchAll(client);
}

function exec({ engine, client }: CommandContext): Reply {
  const transaction = client.transaction;
  if (!transaction) return EXEC_WITHOUT_MULTI;
  if (transaction.aborted) {
    endTransaction(engine, client);
    return EXEC_ABORT;
  }
  if (engine.isWatchBroken(client)) {
    endTransaction(engine, client);
    return NULL_ARRAY;
  }
  endTransaction(engine, client);
  // Blocking commands answer at once inside EXEC; time stays frozen since EXEC itself is the
  // outermost engine.call.
  const ctx: CommandContext = { engine, client, nonBlocking: true };
  const elements: Reply[] = [];
  let framedApart = false;
  const held: Reply[] = [];
  client.heldPushes = held;
  try {
    for (const { spec, argv } of transaction.queue) {
      const result = engine.call(ctx, spec, argv);
      // A push raised by a command (a message to itself) precedes that command's reply.
      if (held.length > 0) {
        framedApart = true;
        elements.push(...held.splice(0));
      }
      if (result === BLOCKED || result === NO_REPLY) continue;
      if (result instanceof MultiReply) {
        framedApart = true;
        elements.push(...result.replies);
      } else {
        elements.push(result);
      }
    }
  } finally {
    client.heldPushes = undefined;
  }
  // Redis announces one element per command, then writes whatever each command sent: a
  // SUBSCRIBE of two channels, or a push, lands under the same header.
  return framedApart ? new MultiReply([new ArrayHeader(transaction.queue.length), ...elements]) : elements;
}

function discard({ engine, client }: CommandContext): Reply {
  if (!client.transaction) return DISCARD_WITHOUT_MULTI;
  endTransaction(engine, client);
  return OK;
}

function watch({ engine, client }: CommandContext, argv: string[]): Reply {
  if (client.transaction) return WATCH_INSIDE_MULTI;
  for (let i = 1; i < argv.length; i++) engine.watch(client, argv[i]!);
  return OK;
}

function unwatch({ engine, client }: CommandContext): Reply {
  engine.unwatchAll(client);
  return OK;
}

export const commands: CommandSpec[] = [
  defineCommand("multi", {
    arity: 1,
    flags: "noscript loading stale fast allow_busy",
    acl: "fast transaction",
    group: "transactions",
    since: "1.2.0",
    summary: "Starts a transaction: later commands are queued until EXEC.",
    complexity: "O(1)",
    handler: multi,
  }),
  defineCommand("exec", {
    arity: 1,
    flags: "noscript loading stale skip_slowlog",
    acl: "slow transaction",
    group: "transactions",
    since: "1.2.0",
    summary: "Runs every command queued since MULTI, atomically.",
    complexity: "Depends on commands in the transaction",
    handler: exec,
  }),
  defineCommand("discard", {
    arity: 1,
    flags: "noscript loading stale fast allow_busy",
    acl: "fast transaction",
    group: "transactions",
    since: "2.0.0",
    summary: "Drops the queued commands of a transaction.",
    complexity: "O(N), when N is the number of queued commands",
    handler: discard,
  }),
  defineCommand("watch", {
    arity: -2,
    flags: "noscript loading stale fast allow_busy",
    keys: [1, -1, 1],
    acl: "fast transaction",
    group: "transactions",
    since: "2.2.0",
    summary: "Makes the next EXEC fail if any of the keys changes before it.",
    complexity: "O(1) for every key.",
    arguments: [{ name: "key", type: "key", multiple: true }],
    handler: watch,
  }),
  defineCommand("unwatch", {
    arity: 1,
    flags: "noscript loading stale fast allow_busy",
    acl: "fast transaction",
    group: "transactions",
    since: "2.2.0",
    summary: "Stops watching every key watched by this connection.",
    complexity: "O(1)",
    handler: unwatch,
  }),
];
