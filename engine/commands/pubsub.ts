/** Pub/Sub: (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PUBLISH, SPUBLISH, PUBSUB (Redis's "pubsub" group). */
import type { Client } from "../client";
import type { Engine } from "../engine";
import { ErrorReply, MultiReply, PushReply, type Reply } from "../protocol/reply";
import { globMatch } from "../util/glob";
import { helpReply } from "./args";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

/** One family of subscriptions: plain channels, patterns, or shard channels. */
interface SubscriptionKind {
  subscribeWord: string;
  unsubscribeWord: string;
  registry(engine: Engine): Map<string, Set<Client>>;
  own(client: Client): Set<string>;
  /** The count sent with each confirmation: Redis counts shard channels on their own. */
  count(client: Client): number;
}

const CHANNELS: SubscriptionKind = {
  subscribeWord: "subscribe",
  unsubscribeWord: "unsubscribe",
  registry: (engine) => engine.channels,
  own: (client) => client.channels,
  count: (client) => client.channels.size + client.patterns.size,
};

const PATTERNS: SubscriptionKind = {
  subscribeWord: "psubscribe",
  unsubscribeWord: "punsubscribe",
  registry: (engine) => engine.patterns,
  own: (client) => client.patterns,
  count: CHANNELS.count,
};

const SHARD_CHANNELS: SubscriptionKind = {
  subscribeWord: "ssubscribe",
  unsubscribeWord: "sunsubscribe",
  registry: (engine) => engine.shardChannels,
  own: (client) => client.shardChannels,
  count: (client) => client.shardChannels.size,
};

function subscribe(kind: SubscriptionKind, { engine, client }: CommandContext, argv: string[]): Reply {
  const registry = kind.registry(engine);
  const own = kind.own(client);
  const replies: Reply[] = [];
  for (let i = 1; i < argv.length; i++) {
    const name = argv[i]!;
    if (!own.has(name)) {
      own.add(name);
      let subscribers = registry.get(name);
      if (!subscribers) registry.set(name, (subscribers = new Set()));
      subscribers.add(client);
    }
    replies.push(new PushReply([kind.subscribeWord, name, kind.count(client)]));
  }
  return new MultiReply(replies);
}

function unsubscribe(kind: SubscriptionKind, { engine, client }: CommandContext, argv: string[]): Reply {
  const registry = kind.registry(engine);
  const own = kind.own(client);
  // Without arguments: every current subscription of this kind.
  const names = argv.length > 1 ? argv.slice(1) : [...own];
  if (names.length === 0) return new MultiReply([new PushReply([kind.unsubscribeWord, null, kind.count(client)])]);
  const replies: Reply[] = [];
  for (const name of names) {
    if (own.delete(name)) engine.removeSubscriber(registry, name, client);
    replies.push(new PushReply([kind.unsubscribeWord, name, kind.count(client)]));
  }
  return new MultiReply(replies);
}

/** Redis refuses shard subscriptions where a client expects one reply per command (inside EXEC). */
function refusedInsideExec(name: string, handler: (ctx: CommandContext, argv: string[]) => Reply) {
  return (ctx: CommandContext, argv: string[]): Reply => {
    if (ctx.nonBlocking) return new ErrorReply(`ERR ${name} isn't allowed for a DENY BLOCKING client`);
    return handler(ctx, argv);
  };
}

function publish({ engine }: CommandContext, argv: string[]): Reply {
  return engine.publish(argv[1]!, argv[2]!);
}

function spublish({ engine }: CommandContext, argv: string[]): Reply {
  const channel = argv[1]!;
  const subscribers = engine.shardChannels.get(channel);
  if (!subscribers) return 0;
  for (const client of subscribers) client.push(new PushReply(["smessage", channel, argv[2]!]));
  return subscribers.size;
}

/** PUBSUB CHANNELS / SHARDCHANNELS: active names, optionally filtered by a glob pattern. */
function listChannels(registry: (engine: Engine) => Map<string, Set<Client>>) {
  return ({ engine }: CommandContext, argv: string[]): Reply => {
    if (argv.length > 3) return wrongSubcommandArity(argv);
    const pattern = argv[2];
    const names: Reply[] = [];
    for (const name of registry(engine).keys()) if (pattern === undefined || globMatch(pattern, name)) names.push(name);
    return names;
  };
}

/** PUBSUB NUMSUB / SHARDNUMSUB: channel, subscriber-count pairs. */
function countSubscribers(registry: (engine: Engine) => Map<string, Set<Client>>) {
  return ({ engine }: CommandContext, argv: string[]): Reply => {
    const reply: Reply[] = [];
    for (let i = 2; i < argv.length; i++) reply.push(argv[i]!, registry(engine).get(argv[i]!)?.size ?? 0);
    return reply;
  };
}

function wrongSubcommandArity(argv: string[]): ErrorReply {
  return new ErrorReply(`ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try PUBSUB HELP.`);
}

const PUBSUB_HELP = [
  "CHANNELS [<pattern>]",
  "    Return the currently active channels matching a <pattern> (default: '*').",
  "NUMPAT",
  "    Return number of subscriptions to patterns.",
  "NUMSUB [<channel> ...]",
  "    Return the number of subscribers for the specified channels, excluding",
  "    pattern subscriptions(default: no channels).",
  "SHARDCHANNELS [<pattern>]",
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  "SHARDNUMSUB [<shardchannel> ...]",
  "    Return the number of subscribers for the specified shard level channel(s)",
];

const subscribeFlags = "pubsub noscript loading stale";
const subcommandFlags = "pubsub loading stale";
const channelArgument = { name: "channel", type: "string" as const, multiple: true };
const shardChannelArgument = { name: "shardchannel", type: "string" as const, multiple: true };

export const commands: CommandSpec[] = [
  defineCommand("subscribe", {
    arity: -2,
    flags: subscribeFlags,
    acl: "pubsub slow",
    group: "pubsub",
    since: "2.0.0",
    summary: "Starts listening for messages published to the given channels.",
    complexity: "O(N) where N is the number of channels to subscribe to.",
    arguments: [channelArgument],
    handler: (ctx, argv) => subscribe(CHANNELS, ctx, argv),
  }),
  defineCommand("unsubscribe", {
    arity: -1,
    flags: subscribeFlags,
    acl: "pubsub slow",
    group: "pubsub",
    since: "2.0.0",
    summary: "Stops listening to the given channels, or to all of them.",
    complexity: "O(N) where N is the number of clients already subscribed to a channel.",
    arguments: [{ ...channelArgument, optional: true }],
    handler: (ctx, argv) => unsubscribe(CHANNELS, ctx, argv),
  }),
  defineCommand("psubscribe", {
    arity: -2,
    flags: subscribeFlags,
    acl: "pubsub slow",
    group: "pubsub",
    since: "2.0.0",
    summary: "Starts listening for messages published to channels matching glob patterns.",
    complexity: "O(N) where N is the number of patterns the client is already subscribed to.",
    arguments: [{ name: "pattern", type: "pattern", multiple: true }],
    handler: (ctx, argv) => subscribe(PATTERNS, ctx, argv),
  }),
  defineCommand("punsubscribe", {
    arity: -1,
    flags: subscribeFlags,
    acl: "pubsub slow",
    group: "pubsub",
    since: "2.0.0",
    summary: "Stops listening to the given patterns, or to all of them.",
    complexity:
      "O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).",
    arguments: [{ name: "pattern", type: "pattern", optional: true, multiple: true }],
    handler: (ctx, argv) => unsubscribe(PATTERNS, ctx, argv),
  }),
  defineCommand("publish", {
    arity: 3,
    flags: "pubsub loading stale fast",
    acl: "pubsub fast",
    group: "pubsub",
    since: "2.0.0",
    summary: "Sends a message to a channel's subscribers and returns how many received it.",
    complexity:
      "O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).",
    arguments: [
      { name: "channel", type: "string" },
      { name: "message", type: "string" },
    ],
    handler: publish,
  }),
  defineCommand("ssubscribe", {
    arity: -2,
    flags: subscribeFlags,
    keys: [1, -1, 1],
    acl: "pubsub slow",
    group: "pubsub",
    since: "7.0.0",
    summary: "Starts listening for messages published to the given shard channels.",
    complexity: "O(N) where N is the number of shard channels to subscribe to.",
    arguments: [shardChannelArgument],
    handler: refusedInsideExec("SSUBSCRIBE", (ctx, argv) => subscribe(SHARD_CHANNELS, ctx, argv)),
  }),
  defineCommand("sunsubscribe", {
    arity: -1,
    flags: subscribeFlags,
    keys: [1, -1, 1],
    acl: "pubsub slow",
    group: "pubsub",
    since: "7.0.0",
    summary: "Stops listening to the given shard channels, or to all of them.",
    complexity: "O(N) where N is the number of clients already subscribed to a shard channel.",
    arguments: [{ ...shardChannelArgument, optional: true }],
    handler: (ctx, argv) => unsubscribe(SHARD_CHANNELS, ctx, argv),
  }),
  defineCommand("spublish", {
    arity: 3,
    flags: "pubsub loading stale fast",
    keys: [1, 1, 1],
    acl: "pubsub fast",
    group: "pubsub",
    since: "7.0.0",
    summary: "Sends a message to a shard channel's subscribers and returns how many received it.",
    complexity: "O(N) where N is the number of clients subscribed to the receiving shard channel.",
    arguments: [
      { name: "shardchannel", type: "string" },
      { name: "message", type: "string" },
    ],
    handler: spublish,
  }),
  defineCommand("pubsub", {
    arity: -2,
    acl: "slow",
    group: "pubsub",
    since: "2.8.0",
    summary: "Inspects the state of the Pub/Sub subsystem.",
    complexity: "Depends on subcommand.",
    subcommands: {
      channels: {
        arity: -2,
        flags: subcommandFlags,
        acl: "pubsub slow",
        since: "2.8.0",
        summary: "Lists the channels that have subscribers.",
        complexity:
          "O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)",
        arguments: [{ name: "pattern", type: "pattern", optional: true }],
        handler: listChannels((engine) => engine.channels),
      },
      numsub: {
        arity: -2,
        flags: subcommandFlags,
        acl: "pubsub slow",
        since: "2.8.0",
        summary: "Counts the subscribers of each given channel (pattern subscribers excluded).",
        complexity: "O(N) for the NUMSUB subcommand, where N is the number of requested channels",
        arguments: [{ ...channelArgument, optional: true }],
        handler: countSubscribers((engine) => engine.channels),
      },
      numpat: {
        arity: 2,
        flags: subcommandFlags,
        acl: "pubsub slow",
        since: "2.8.0",
        summary: "Counts the distinct patterns that clients are subscribed to.",
        complexity: "O(1)",
        handler: ({ engine }) => engine.patterns.size,
      },
      shardchannels: {
        arity: -2,
        flags: subcommandFlags,
        acl: "pubsub slow",
        since: "7.0.0",
        summary: "Lists the shard channels that have subscribers.",
        complexity:
          "O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).",
        arguments: [{ name: "pattern", type: "pattern", optional: true }],
        handler: listChannels((engine) => engine.shardChannels),
      },
      shardnumsub: {
        arity: -2,
        flags: subcommandFlags,
        acl: "pubsub slow",
        since: "7.0.0",
        summary: "Counts the subscribers of each given shard channel.",
        complexity: "O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels",
        arguments: [{ ...shardChannelArgument, optional: true }],
        handler: countSubscribers((engine) => engine.shardChannels),
      },
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "slow",
        since: "6.2.0",
        summary: "Describes the PUBSUB subcommands.",
        complexity: "O(1)",
        handler: () => helpReply("PUBSUB", PUBSUB_HELP),
      },
    },
  }),
];
