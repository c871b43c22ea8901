/** Scripting: EVAL, EVALSHA, EVAL_RO, EVALSHA_RO, SCRIPT (Redis's "scripting" group). */
import { errors } from "../errors";
import { ErrorReply, OK, type Reply } from "../protocol/reply";
import { parseInt64 } from "../util/numbers";
import { scriptRuntime } from "../scripting/runtime";
import { helpReply, isToken } from "./args";
import { type CommandContext, type CommandSpec, type HandlerResult, defineCommand } from "./spec";

const NO_SCRIPT = new ErrorReply("NOSCRIPT No matching script. Please use EVAL.");
const TOO_MANY_KEYS = new ErrorReply("ERR Number of keys can't be greater than number of args");
const NEGATIVE_KEYS = new ErrorReply("ERR Number of keys can't be negative");

/** EVAL-style numkeys (argv[2]) validated against the arguments present, or its error. */
function numKeysArg(argv: string[]): number | ErrorReply {
  const parsed = parseInt64(argv[2]!);
  if (parsed === undefined) return errors.notInteger;
  const numKeys = Number(parsed);
  if (numKeys > argv.length - 3) return TOO_MANY_KEYS;
  if (numKeys < 0) return NEGATIVE_KEYS;
  return numKeys;
}

/** Key positions of EVAL-style commands: the numkeys arguments after numkeys. */
function evalKeys(argv: string[]): number[] {
  const numKeys = argv.length > 2 ? numKeysArg(argv) : 0;
  if (typeof numKeys !== "number") return [];
  return Array.from({ length: numKeys }, (_, i) => 3 + i);
}

function evalGeneric(ctx: CommandContext, argv: string[], bySha: boolean, readOnly: boolean): HandlerResult {
  const numKeys = numKeysArg(argv);
  if (typeof numKeys !== "number") return numKeys;
  const { engine, client } = ctx;
  // EVAL is skip_monitor so that its inner commands are shown after it, not before.
  if (engine.monitors.size > 0) engine.feedMonitors(client, argv);
  const runtime = scriptRuntime(engine);
  let sha: string;
  let script;
  if (bySha) {
    sha = argv[1]!.toLowerCase();
    script = runtime.get(sha);
    if (!script) return NO_SCRIPT;
  } else {
    const loaded = runtime.load(argv[1]!);
    if (loaded instanceof ErrorReply) return loaded;
    ({ sha, script } = loaded);
  }
  const keys = argv.slice(3, 3 + numKeys);
  const args = argv.slice(3 + numKeys);
  return runtime.execute(ctx, argv, sha, script, keys, args, readOnly);
}

function scriptLoad({ engine }: CommandContext, argv: string[]): Reply {
  const loaded = scriptRuntime(engine).load(argv[2]!);
  return loaded instanceof ErrorReply ? loaded : loaded.sha;
}

function scriptExists({ engine }: CommandContext, argv: string[]): Reply {
  const runtime = scriptRuntime(engine);
  return argv.slice(2).map((sha) => (runtime.has(sha) ? 1 : 0));
}

function scriptFlush({ engine }: CommandContext, argv: string[]): Reply {
  if (argv.length > 3 || (argv.length === 3 && !isToken(argv[2], "SYNC") && !isToken(argv[2], "ASYNC"))) {
    return new ErrorReply("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
  }
  scriptRuntime(engine).flush();
  return OK;
}

/** Only a script that went busy (and so runs in slices) can be seen running by another client. */
function scriptKill({ engine }: CommandContext): Reply {
  return scriptRuntime(engine).requestKill();
}

/** The Lua debugger is not provided: only turning it off is accepted. */
function scriptDebug(_ctx: CommandContext, argv: string[]): Reply {
  const mode = argv[2]!;
  if (isToken(mode, "NO")) return OK;
  if (isToken(mode, "YES") || isToken(mode, "SYNC")) return new ErrorReply("ERR The Lua debugger is not supported by this server");
  return new ErrorReply("ERR Use SCRIPT DEBUG YES/SYNC/NO");
}

const SCRIPT_HELP = [
  "DEBUG (YES|SYNC|NO)",
  "    Set the debug mode for subsequent scripts executed.",
  "EXISTS <sha1> [<sha1> ...]",
  "    Return information about the existence of the scripts in the script cache.",
  "FLUSH [ASYNC|SYNC]",
  "    Flush the Lua scripts cache. Very dangerous on replicas.",
  "    When called without the optional mode argument, the behavior is determined by the",
  "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
  "    * ASYNC: Asynchronously flush the scripts cache.",
  "    * SYNC: Synchronously flush the scripts cache.",
  "KILL",
  "    Kill the currently executing Lua script.",
  "LOAD <script>",
  "    Load a script into the scripts cache without executing it.",
];

const evalArguments = [
  { name: "numkeys", type: "integer" as const },
  { name: "key", type: "key" as const, optional: true, multiple: true },
  { name: "arg", type: "string" as const, optional: true, multiple: true },
];

function evalDefinition(name: string, bySha: boolean, readOnly: boolean, since: string, summary: string): CommandSpec {
  return defineCommand(name, {
    arity: -3,
    flags: `${readOnly ? "readonly " : ""}noscript stale skip_monitor no_mandatory_keys movablekeys`,
    acl: "slow scripting",
    group: "scripting",
    since,
    summary,
    complexity: "Depends on the script that is executed.",
    arguments: [{ name: bySha ? "sha1" : "script", type: "string" }, ...evalArguments],
    getKeys: evalKeys,
    handler: (ctx, argv) => evalGeneric(ctx, argv, bySha, readOnly),
  });
}

export const commands: CommandSpec[] = [
  evalDefinition("eval", false, false, "2.6.0", "Runs a Lua script on the server."),
  evalDefinition("evalsha", true, false, "2.6.0", "Runs a cached Lua script, named by its SHA1 digest."),
  evalDefinition("eval_ro", false, true, "7.0.0", "Runs a Lua script that may only read data."),
  evalDefinition("evalsha_ro", true, true, "7.0.0", "Runs a cached Lua script, named by its SHA1 digest, that may only read data."),
  defineCommand("script", {
    arity: -2,
    acl: "slow",
    group: "scripting",
    since: "2.6.0",
    summary: "Manages the Lua script cache.",
    complexity: "Depends on subcommand.",
    subcommands: {
      load: {
        arity: 3,
        flags: "noscript stale",
        acl: "slow scripting",
        since: "2.6.0",
        summary: "Compiles a script and adds it to the cache without running it.",
        complexity: "O(N) with N being the length in bytes of the script body.",
        tips: "request_policy:all_nodes response_policy:all_succeeded",
        arguments: [{ name: "script", type: "string" }],
        handler: scriptLoad,
      },
      exists: {
        arity: -3,
        flags: "noscript",
        acl: "slow scripting",
        since: "2.6.0",
        summary: "Tells, for each SHA1 digest, whether the script is in the cache.",
        complexity: "O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).",
        tips: "request_policy:all_shards response_policy:agg_logical_and",
        arguments: [{ name: "sha1", type: "string", multiple: true }],
        handler: scriptExists,
      },
      flush: {
        arity: -2,
        flags: "noscript",
        acl: "slow scripting",
        since: "2.6.0",
        summary: "Empties the script cache.",
        complexity: "O(N) with N being the number of scripts in cache",
        tips: "request_policy:all_nodes response_policy:all_succeeded",
        history: [["6.2.0", "Added the `ASYNC` and `SYNC` flushing mode modifiers."]],
        arguments: [
          {
            name: "flush-type",
            type: "oneof",
            optional: true,
            since: "6.2.0",
            arguments: [
              { name: "async", type: "pure-token", token: "ASYNC" },
              { name: "sync", type: "pure-token", token: "SYNC" },
            ],
          },
        ],
        handler: scriptFlush,
      },
      kill: {
        arity: 2,
        flags: "noscript allow_busy",
        acl: "slow scripting",
        since: "2.6.0",
        summary: "Stops the script that is currently running.",
        complexity: "O(1)",
        tips: "request_policy:all_shards response_policy:one_succeeded",
        handler: scriptKill,
      },
      debug: {
        arity: 3,
        flags: "noscript",
        acl: "slow scripting",
        since: "3.2.0",
        summary: "Sets the debug mode of the following scripts.",
        complexity: "O(1)",
        arguments: [
          {
            name: "mode",
            type: "oneof",
            arguments: [
              { name: "yes", type: "pure-token", token: "YES" },
              { name: "sync", type: "pure-token", token: "SYNC" },
              { name: "no", type: "pure-token", token: "NO" },
            ],
          },
        ],
        handler: scriptDebug,
      },
      help: {
        arity: 2,
        flags: "loading stale",
        acl: "slow scripting",
        since: "5.0.0",
        summary: "Describes the SCRIPT subcommands.",
        complexity: "O(1)",
        handler: () => helpReply("SCRIPT", SCRIPT_HELP),
      },
    },
  }),
];
