/** MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP (Redis's object.c memory commands). */
import { errors, fail } from "../errors";
import { DEFAULT_SAMPLES, keyMemory, memoryBreakdown, notePeak } from "../memory";
import { DoubleReply, MapReply, OK, type Reply, VerbatimReply } from "../protocol/reply";
import { formatDouble17g } from "../util/numbers";
import { helpReply, integerArg, isToken } from "./args";
import { type CommandContext, type CommandSpec, defineCommand } from "./spec";

const MEMORY_HELP = [
  "DOCTOR",
  "    Return memory problems reports.",
  "MALLOC-STATS",
  "    Return internal statistics report from the memory allocator.",
  "PURGE",
  "    Attempt to purge dirty pages for reclamation by the allocator.",
  "STATS",
  "    Return information about the memory usage of the server.",
  "USAGE <key> [SAMPLES <count>]",
  "    Return memory in bytes used by <key> and its value. Nested values are",
  "    sampled up to <count> times (default: 5, 0 means sample all).",
];

/** Below this much used memory MEMORY DOCTOR declines to diagnose, as Redis does. */
const DOCTOR_MIN_MEMORY = 5 * 1024 * 1024;

function memoryUsage({ client }: CommandContext, argv: string[]): Reply {
  let samples = DEFAULT_SAMPLES;
  for (let i = 3; i < argv.length; i++) {
    if (isToken(argv[i], "SAMPLES") && i + 1 < argv.length) {
      samples = integerArg(argv[++i]!);
      if (samples < 0) return fail(errors.syntax);
    } else {
      return fail(errors.syntax);
    }
  }
  const key = argv[2]!;
  const object = client.db.peek(key);
  return object === undefined ? null : keyMemory(key, object, samples);
}

/** A C float printed by addReplyDouble (Redis computes these ratios in single precision). */
function floatReply(value: number): DoubleReply {
  const single = Math.fround(Number.isFinite(value) ? value : 0);
  return new DoubleReply(single, formatDouble17g(single));
}

function memoryStats({ engine }: CommandContext): Reply {
  const breakdown = memoryBreakdown(engine);
  const peak = notePeak(engine, breakdown.used);
  const entries: Reply[] = [
    "peak.allocated", peak,
    "total.allocated", breakdown.used,
    "startup.allocated", breakdown.startup,
    "replication.backlog", 0,
    "clients.slaves", 0,
    "clients.normal", breakdown.clients,
    "cluster.links", 0,
    "aof.buffer", 0,
    "lua.caches", 0,
    "functions.caches", 200,
  ];
  for (const db of breakdown.databases) {
    entries.push(`db.${db.id}`, new MapReply(["overhead.hashtable.main", db.main, "overhead.hashtable.expires", db.expires, "overhead.hashtable.slot-to-keys", 0]));
  }
  const netUsed = breakdown.used - breakdown.startup;
  entries.push(
    "overhead.total", breakdown.overhead,
    "keys.count", breakdown.keys,
    "keys.bytes-per-key", breakdown.keys > 0 ? Math.floor(netUsed / breakdown.keys) : 0,
    "dataset.bytes", breakdown.dataset,
    "dataset.percentage", floatReply(netUsed > 0 ? (breakdown.dataset * 100) / netUsed : 0),
    "peak.percentage", floatReply((breakdown.used * 100) / peak),
    "allocator.allocated", breakdown.used,
    "allocator.active", breakdown.used,
    "allocator.resident", breakdown.used,
    "allocator-fragmentation.ratio", floatReply(1),
    "allocator-fragmentation.bytes", 0,
    "allocator-rss.ratio", floatReply(1),
    "allocator-rss.bytes", 0,
    "rss-overhead.ratio", floatReply(1),
    "rss-overhead.bytes", 0,
    "fragmentation", floatReply(1),
    "fragmentation.bytes", 0,
  );
  return new MapReply(entries);
}

function memoryDoctor({ engine }: CommandContext): Reply {
  const used = memoryBreakdown(engine).used;
  notePeak(engine, used);
  const report =
    used < DOCTOR_MIN_MEMORY
      ? "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n"
      : "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
  return new VerbatimReply(report);
}

export const commands: CommandSpec[] = [
  defineCommand("memory", {
    arity: -2,
    acl: "slow",
    group: "server",
    since: "4.0.0",
    summary: "A container for memory diagnostics commands",
    complexity: "Depends on subcommand.",
    subcommands: {
      doctor: {
        arity: 2,
        acl: "slow",
        tips: "nondeterministic_output request_policy:all_shards response_policy:special",
        since: "4.0.0",
        summary: "Outputs memory problems report",
        complexity: "O(1)",
        handler: memoryDoctor,
      },
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "slow",
        since: "4.0.0",
        summary: "Show helpful text about the different subcommands",
        complexity: "O(1)",
        handler: () => helpReply("MEMORY", MEMORY_HELP),
      },
      "malloc-stats": {
        arity: 2,
        acl: "slow",
        tips: "nondeterministic_output request_policy:all_shards response_policy:special",
        since: "4.0.0",
        summary: "Show allocator internal stats",
        complexity: "Depends on how much memory is allocated, could be slow",
        // INFO reports mem_allocator:libc, for which Redis has no statistics to show.
        handler: () => new VerbatimReply("Stats not supported for the current allocator"),
      },
      purge: {
        arity: 2,
        acl: "slow",
        tips: "request_policy:all_shards response_policy:all_succeeded",
        since: "4.0.0",
        summary: "Ask the allocator to release memory",
        complexity: "Depends on how much memory is allocated, could be slow",
        handler: () => OK,
      },
      stats: {
        arity: 2,
        acl: "slow",
        tips: "nondeterministic_output request_policy:all_shards response_policy:special",
        since: "4.0.0",
        summary: "Show memory usage details",
        complexity: "O(1)",
        handler: memoryStats,
      },
      usage: {
        arity: -3,
        flags: "readonly",
        keys: [2, 2, 1],
        acl: "read slow",
        since: "4.0.0",
        summary: "Estimate the memory usage of a key",
        complexity: "O(N) where N is the number of samples.",
        arguments: [
          { name: "key", type: "key" },
          { name: "count", type: "integer", token: "SAMPLES", optional: true },
        ],
        handler: memoryUsage,
      },
    },
  }),
];
