import type { Client } from "../client";
import type { Engine } from "../engine";
import type { Reply } from "../protocol/reply";

/** Returned by a handler that blocked the client (BLPOP, XREAD BLOCK...): the reply comes later. */
export const BLOCKED: unique symbol = Symbol("blocked");
/** Returned by a handler that must send nothing (CLIENT REPLY OFF/SKIP, QUIT's closing). */
export const NO_REPLY: unique symbol = Symbol("no-reply");

export type HandlerResult = Reply | typeof BLOCKED | typeof NO_REPLY;

/** Everything a handler needs: the engine, the calling client and its selected database. */
export interface CommandContext {
  engine: Engine;
  client: Client;
  /** True inside MULTI/EXEC or a script: blocking commands must not block there. */
  nonBlocking: boolean;
}

export type CommandHandler = (ctx: CommandContext, argv: string[]) => HandlerResult;

/** One documented argument, as COMMAND DOCS reports it. */
export interface ArgumentDoc {
  name: string;
  type: "string" | "integer" | "double" | "key" | "pattern" | "unix-time" | "pure-token" | "oneof" | "block";
  token?: string;
  optional?: boolean;
  multiple?: boolean;
  /** The token repeats with each value (`PREFIX a PREFIX b`). */
  multipleToken?: boolean;
  /** Redis version that added the argument. */
  since?: string;
  deprecatedSince?: string;
  arguments?: ArgumentDoc[];
}

/** Documentation-only metadata COMMAND DOCS reports when present. */
export interface CommandDocExtras {
  /** [version, change] pairs. */
  history?: [string, string][];
  /** "syscmd", "deprecated". */
  docFlags?: string[];
  deprecatedSince?: string;
  replacedBy?: string;
}

export interface CommandSpec extends CommandDocExtras {
  /** Lower-case name; for subcommands the container's name is in `container`. */
  name: string;
  container?: string;
  /** Redis arity: positive = exact argc, negative = at least -arity (both count the name). */
  arity: number;
  /** Redis command flags (write, readonly, denyoom, fast, admin, noscript, blocking, ...). */
  flags: Set<string>;
  firstKey: number;
  lastKey: number;
  keyStep: number;
  aclCategories: string[];
  /** COMMAND DOCS group: string, list, generic, server, connection, ... */
  group: string;
  since: string;
  summary: string;
  complexity: string;
  arguments: ArgumentDoc[];
  /** Command tips reported by COMMAND INFO (nondeterministic_output, request_policy:...). */
  tips: string[];
  /** For commands whose keys are not at fixed positions (ZUNIONSTORE, EVAL, XREAD...). */
  getKeys?: (argv: string[]) => number[];
  subcommands?: Map<string, CommandSpec>;
  handler: CommandHandler;
}

export interface CommandDefinition extends CommandDocExtras {
  arity: number;
  /** Space-separated Redis flags. */
  flags?: string;
  /** [firstKey, lastKey, step]; omitted for commands without keys. */
  keys?: [number, number, number];
  /** Space-separated ACL categories without the `@`. */
  acl?: string;
  group: string;
  since: string;
  summary: string;
  complexity: string;
  arguments?: ArgumentDoc[];
  tips?: string;
  getKeys?: (argv: string[]) => number[];
  /** Container commands (CONFIG, CLIENT, OBJECT...): their subcommands by lower-case name. */
  subcommands?: Record<string, Omit<CommandDefinition, "group" | "subcommands"> & { handler: CommandHandler }>;
  handler?: CommandHandler;
}

function words(text: string | undefined): string[] {
  return text ? text.split(/\s+/).filter(Boolean) : [];
}

/** Builds a command's spec from its compact definition. */
export function defineCommand(name: string, definition: CommandDefinition & { handler?: CommandHandler }): CommandSpec {
  const spec = buildSpec(name.toLowerCase(), undefined, definition.group, definition);
  if (definition.subcommands) {
    spec.subcommands = new Map();
    for (const [subName, sub] of Object.entries(definition.subcommands)) {
      spec.subcommands.set(subName.toLowerCase(), buildSpec(subName.toLowerCase(), spec.name, definition.group, sub));
    }
  }
  return spec;
}

function buildSpec(
  name: string,
  container: string | undefined,
  group: string,
  definition: Omit<CommandDefinition, "group" | "subcommands"> & { handler?: CommandHandler },
): CommandSpec {
  const [firstKey, lastKey, keyStep] = definition.keys ?? [0, 0, 0];
  return {
    name,
    container,
    arity: definition.arity,
    flags: new Set(words(definition.flags)),
    firstKey,
    lastKey,
    keyStep,
    aclCategories: words(definition.acl).map((category) => `@${category}`),
    group,
    since: definition.since,
    summary: definition.summary,
    complexity: definition.complexity,
    arguments: definition.arguments ?? [],
    tips: words(definition.tips),
    getKeys: definition.getKeys,
    history: definition.history,
    docFlags: definition.docFlags,
    deprecatedSince: definition.deprecatedSince,
    replacedBy: definition.replacedBy,
    handler: definition.handler ?? unknownSubcommand,
  };
}

/** Handler of a container command called without a known subcommand. */
function unknownSubcommand(_ctx: CommandContext, argv: string[]): Reply {
  throw new Error(`no handler for ${argv[0]}`);
}

/** The name Redis uses in errors and stats: `get`, or `config|get` for a subcommand. */
export function fullName(spec: CommandSpec): string {
  return spec.container ? `${spec.container}|${spec.name}` : spec.name;
}

/** Positions of the key arguments of a call, from the spec's key range or its getKeys. */
export function keyPositions(spec: CommandSpec, argv: string[]): number[] {
  if (spec.getKeys) return spec.getKeys(argv);
  if (spec.firstKey <= 0) return [];
  const last = spec.lastKey < 0 ? argv.length + spec.lastKey : spec.lastKey;
  const positions: number[] = [];
  for (let i = spec.firstKey; i <= last && i < argv.length; i += spec.keyStep) positions.push(i);
  return positions;
}
