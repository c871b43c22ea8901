/**
 * The Lua scripting runtime of one engine: a single sandboxed Lua state, the script cache
 * (compiled functions by SHA1) and the `redis` library through which scripts run commands.
 */
import { createHash } from "node:crypto";
import { Client, type ClientTransport } from "../client";
import { type Engine, REDIS_VERSION } from "../engine";
import { ErrorReply, OK, type Reply } from "../protocol/reply";
import { BLOCKED, type CommandContext, type CommandSpec, NO_REPLY } from "../commands/spec";
import { formatDouble17g } from "../util/numbers";
import { OOM_ERROR } from "../eviction";
import { type ScriptResp, errorText, pushReply, singleLine, stringField, toReply } from "./convert";
import { type LuaState, binaryOf, bytesOf, internedKey, lauxlib as lauxlibModule, lua as luaModule, lualib, newState, pushBinary, pushInterned } from "./lua-vm";
import { SANDBOX_SOURCE } from "./sandbox";
import { Rand48 } from "./rand48";
import { registerBitLibrary } from "./bit";
import { registerCjsonLibrary } from "./cjson";
import { registerCmsgpackLibrary } from "./cmsgpack";
import { registerStructLibrary } from "./struct";
import { stringByte, stringFormat, stringLen } from "./string-library";

/** Direct references: module bindings re-exported across ES modules are read through getters. */
const lua = luaModule;
const lauxlib = lauxlibModule;

export function sha1hex(text: string): string {
  return createHash("sha1").update(text, "latin1").digest("hex");
}

/** How a script may behave, from EVAL_RO or its `#!lua flags=...` line. */
export interface ScriptFlags {
  noWrites: boolean;
}

interface CachedScript {
  /** Registry reference of the compiled function. */
  ref: number;
  flags: ScriptFlags;
}

/** State of the script currently running (scripts never nest). */
interface Run {
  sha: string;
  readOnly: boolean;
  resp: ScriptResp;
  /** How the script's own commands run: as the lua client, never blocking. */
  ctx: CommandContext;
  /** Who ran EVAL, to answer once a script that went busy ends. */
  caller: CommandContext;
  startedAt: number;
  /** The engine's frozen time when the script started; kept when it resumes after going busy. */
  commandTime: number;
  timeLimitMs: number;
  /** A top-level EVAL may go busy and continue in slices; inside MULTI/EXEC it cannot. */
  canYield: boolean;
  sliceStartedAt: number;
  suspended: boolean;
  wrote: boolean;
  killRequested: boolean;
}

/** Commands without the write flag that Redis still refuses in read-only scripts (they propagate). */
const REPLICATED_READS = new Set(["publish", "spublish", "pfcount"]);
const SHEBANG_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);
const KILLED_MESSAGE = "Script killed by user with SCRIPT KILL...";
const BUSY_EVAL = new ErrorReply("BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.");
const UNKILLABLE = new ErrorReply(
  "UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.",
);
/** How long a busy script runs between two looks at the network. */
const BUSY_SLICE_MS = 20;
/** Instructions between two looks at the clock (the busy-script check). */
const HOOK_INSTRUCTIONS = 100_000;

/** Where script commands come from: never written to, shown as "lua" by MONITOR. */
const luaTransport: ClientTransport = {
  kind: "local",
  remoteAddress: "lua",
  localAddress: "lua",
  write: () => undefined,
  close: () => undefined,
  pendingOutputBytes: () => 0,
  pendingInputBytes: () => 0,
};

const SOURCE_AND_LINE = bytesOf("Sl");

export class ScriptRuntime {
  private readonly L: LuaState;
  private readonly scripts = new Map<string, CachedScript>();
  /** The client scripts run commands as (Redis's lua client): not listed among clients. */
  private readonly luaClient: Client;
  private globalsRef = 0;
  /** The coroutine scripts run in, so a long script can yield to the event loop; reused until an error kills it. */
  private thread: LuaState | undefined;
  private threadRef = 0;
  private run: Run | undefined;
  private readonly rand = new Rand48();
  private readonly keysName: unknown;
  private readonly argvName: unknown;

  constructor(private readonly engine: Engine) {
    this.luaClient = new Client(0, engine.databases[0]!, luaTransport, engine.clock.now());
    this.luaClient.name = "__lua";
    this.luaClient.authenticated = true;
    this.rand.seed(Math.floor(engine.random() * 0x7fffffff));
    this.L = newState();
    this.keysName = internedKey(this.L, "KEYS");
    this.argvName = internedKey(this.L, "ARGV");
    this.initState();
  }

  // ---- state setup --------------------------------------------------------------------------

  private initState(): void {
    const L = this.L;
    for (const [name, open] of [
      ["_G", lualib.luaopen_base],
      ["table", lualib.luaopen_table],
      ["string", lualib.luaopen_string],
      ["math", lualib.luaopen_math],
      ["coroutine", lualib.luaopen_coroutine],
    ] as const) {
      lauxlib.luaL_requiref(L, bytesOf(name), open, 1);
      lua.lua_pop(L, 1);
    }
    this.registerRedisLibrary();
    this.registerMathOverrides();
    registerBitLibrary(L);
    registerCjsonLibrary(L);
    registerCmsgpackLibrary(L);
    registerStructLibrary(L);
    lua.lua_getglobal(L, bytesOf("string"));
    this.setFunction("format", stringFormat);
    this.setFunction("byte", stringByte);
    this.setFunction("len", stringLen);
    lua.lua_pop(L, 1);
    if (lauxlib.luaL_loadbuffer(L, bytesOf(SANDBOX_SOURCE), SANDBOX_SOURCE.length, bytesOf("=sandbox")) !== lua.LUA_OK) {
      throw new Error(`Lua sandbox failed to load: ${binaryOf(lua.lua_tolstring(L, -1))}`);
    }
    if (lua.lua_pcall(L, 0, 2, 0) !== lua.LUA_OK) throw new Error(`Lua sandbox failed: ${binaryOf(lua.lua_tolstring(L, -1))}`);
    // Chunks compiled from now on (scripts, loadstring) see the read-only view as _ENV.
    lua.lua_rawseti(L, lua.LUA_REGISTRYINDEX, lua.LUA_RIDX_GLOBALS);
    this.globalsRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    lua.lua_sethook(L, (state: LuaState) => this.checkTime(state), lua.LUA_MASKCOUNT, HOOK_INSTRUCTIONS);
  }

  private setFunction(name: string, fn: (L: LuaState) => number): void {
    lua.lua_pushcfunction(this.L, fn);
    lua.lua_setfield(this.L, -2, bytesOf(name));
  }

  private setConstant(name: string, value: number | string): void {
    if (typeof value === "number") lua.lua_pushnumber(this.L, value);
    else pushBinary(this.L, value);
    lua.lua_setfield(this.L, -2, bytesOf(name));
  }

  private registerRedisLibrary(): void {
    const L = this.L;
    lua.lua_newtable(L);
    this.setFunction("call", (state) => this.redisCall(state, true));
    this.setFunction("pcall", (state) => this.redisCall(state, false));
    this.setFunction("error_reply", (state) => statusOrErrorTable(state, "err"));
    this.setFunction("status_reply", (state) => statusOrErrorTable(state, "ok"));
    this.setFunction("sha1hex", (state) => {
      if (lua.lua_gettop(state) !== 1) return raiseError(state, "ERR wrong number of arguments");
      pushBinary(state, sha1hex(binaryOf(lua.lua_tolstring(state, 1) ?? new Uint8Array())));
      return 1;
    });
    this.setFunction("log", (state) => {
      if (lua.lua_gettop(state) < 2) return raiseError(state, "ERR redis.log() requires two arguments or more.");
      if (!lua.lua_isnumber(state, 1)) return raiseError(state, "ERR First argument must be a number (log level).");
      const level = lua.lua_tonumber(state, 1);
      if (level < 0 || level > 3) return raiseError(state, "ERR Invalid debug level.");
      return 0; // The engine keeps no server log.
    });
    this.setFunction("setresp", (state) => {
      if (lua.lua_gettop(state) !== 1) return raiseError(state, "ERR redis.setresp() requires one argument.");
      const resp = lua.lua_tonumber(state, 1);
      if (resp !== 2 && resp !== 3) return raiseError(state, "ERR RESP version must be 2 or 3.");
      if (this.run) this.run.resp = resp;
      return 0;
    });
    this.setFunction("set_repl", (state) => {
      if (lua.lua_gettop(state) !== 1) return raiseError(state, "ERR redis.set_repl() requires one argument.");
      const flags = lua.lua_tonumber(state, 1);
      if (!(flags >= 0 && flags <= 3 && Number.isInteger(flags))) {
        return raiseError(state, "ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
      }
      return 0; // No replication: accepted and ignored.
    });
    this.setFunction("replicate_commands", (state) => {
      lua.lua_pushboolean(state, true);
      return 1;
    });
    this.setFunction("breakpoint", (state) => {
      lua.lua_pushboolean(state, false);
      return 1;
    });
    this.setFunction("debug", () => 0);
    this.setFunction("acl_check_cmd", (state) => {
      if (lua.lua_gettop(state) < 1) return raiseError(state, "ERR Please specify at least one argument for this redis lib call");
      const argv = this.collectArguments(state);
      if (argv instanceof ErrorReply) return raiseError(state, argv.message);
      const spec = this.engine.lookupCommand(argv);
      if (spec === undefined || spec instanceof ErrorReply) return raiseError(state, "ERR Invalid command passed to redis.acl_check_cmd()");
      lua.lua_pushboolean(state, true);
      return 1;
    });
    this.setConstant("LOG_DEBUG", 0);
    this.setConstant("LOG_VERBOSE", 1);
    this.setConstant("LOG_NOTICE", 2);
    this.setConstant("LOG_WARNING", 3);
    this.setConstant("REPL_NONE", 0);
    this.setConstant("REPL_AOF", 1);
    this.setConstant("REPL_SLAVE", 2);
    this.setConstant("REPL_REPLICA", 2);
    this.setConstant("REPL_ALL", 3);
    this.setConstant("REDIS_VERSION", REDIS_VERSION);
    this.setConstant("REDIS_VERSION_NUM", REDIS_VERSION.split(".").reduce((sum, part) => sum * 256 + Number(part), 0));
    lua.lua_setglobal(L, bytesOf("redis"));
  }

  /**
   * Redis replaces math.random with its own rand48 generator (deterministic after randomseed);
   * floor/ceil return floats and frexp exists, as in Lua 5.1.
   */
  private registerMathOverrides(): void {
    const L = this.L;
    lua.lua_getglobal(L, bytesOf("math"));
    this.setFunction("random", (state) => {
      const r = (this.rand.next() % 0x7fffffff) / 0x7fffffff;
      switch (lua.lua_gettop(state)) {
        case 0:
          lua.lua_pushnumber(state, r);
          return 1;
        case 1: {
          const upper = Math.trunc(lauxlib.luaL_checknumber(state, 1));
          lauxlib.luaL_argcheck(state, upper >= 1, 1, bytesOf("interval is empty"));
          lua.lua_pushnumber(state, Math.floor(r * upper) + 1);
          return 1;
        }
        case 2: {
          const lower = Math.trunc(lauxlib.luaL_checknumber(state, 1));
          const upper = Math.trunc(lauxlib.luaL_checknumber(state, 2));
          lauxlib.luaL_argcheck(state, lower <= upper, 2, bytesOf("interval is empty"));
          lua.lua_pushnumber(state, Math.floor(r * (upper - lower + 1)) + lower);
          return 1;
        }
        default:
          return lauxlib.luaL_error(state, bytesOf("wrong number of arguments"));
      }
    });
    // 5.1 numbers are all doubles: floor/ceil return floats so later arithmetic never wraps.
    this.setFunction("floor", (state) => {
      lua.lua_pushnumber(state, Math.floor(lauxlib.luaL_checknumber(state, 1)));
      return 1;
    });
    this.setFunction("ceil", (state) => {
      lua.lua_pushnumber(state, Math.ceil(lauxlib.luaL_checknumber(state, 1)));
      return 1;
    });
    this.setFunction("frexp", (state) => {
      const [mantissa, exponent] = frexp(lauxlib.luaL_checknumber(state, 1));
      lua.lua_pushnumber(state, mantissa);
      lua.lua_pushnumber(state, exponent);
      return 2;
    });
    this.setFunction("randomseed", (state) => {
      this.rand.seed(Math.trunc(lauxlib.luaL_checknumber(state, 1)));
      return 0;
    });
    lua.lua_pop(L, 1);
  }

  // ---- errors -----------------------------------------------------------------------------

  /**
   * The reply for a script that raised an error: {err=...} tables keep their text, anything
   * else becomes "ERR <message>"; the location is the innermost frame of the script itself
   * (JS functions such as error() or redis.call() and the sandbox's helpers are skipped).
   */
  private failure(thread: LuaState, sha: string): ErrorReply {
    // The dead coroutine's stack may be full: read the error value on the main state.
    const L = this.L;
    lua.lua_xmove(thread, L, 1);
    let message: string;
    if (lua.lua_istable(L, -1)) message = errorText(stringField(L, lua.lua_gettop(L), "err") ?? "ERR unknown error");
    else message = errorText(`ERR ${asLua51Message(binaryOf(lauxlib.luaL_tolstring(L, -1)))}`);
    lua.lua_settop(L, 0);
    const ar = new lua.lua_Debug();
    for (let level = 0; lua.lua_getstack(thread, level, ar); level++) {
      lua.lua_getinfo(thread, SOURCE_AND_LINE, ar);
      if (ar.currentline < 0 || binaryOf(ar.source) === "=sandbox") continue;
      return new ErrorReply(`${message} script: ${sha}, on ${binaryOf(ar.source)}:${ar.currentline}.`);
    }
    return new ErrorReply(message);
  }

  /**
   * The count hook. Past busy-reply-threshold a top-level script yields every few
   * milliseconds so the server can answer others (BUSY) and honour SCRIPT KILL; a script that
   * cannot yield (inside MULTI/EXEC) is stopped as SCRIPT KILL would stop it.
   */
  private checkTime(L: LuaState): void {
    const run = this.run;
    if (!run) return;
    if (run.killRequested) return this.kill(L);
    if (run.timeLimitMs <= 0) return;
    const now = performance.now();
    if (now - run.startedAt < run.timeLimitMs) return;
    if (!run.canYield) return this.kill(L);
    if (now - run.sliceStartedAt >= BUSY_SLICE_MS && lua.lua_isyieldable(L)) lua.lua_yield(L, 0);
  }

  private kill(L: LuaState): void {
    pushBinary(L, KILLED_MESSAGE);
    lua.lua_error(L);
  }

  /** SCRIPT KILL: stops a busy script unless it already wrote (as Redis, which cannot roll back). */
  requestKill(): Reply {
    const run = this.run;
    if (!run?.suspended) return new ErrorReply("NOTBUSY No scripts in execution right now.");
    if (run.wrote) return UNKILLABLE;
    run.killRequested = true;
    return OK;
  }

  // ---- redis.call / redis.pcall -----------------------------------------------------------

  private collectArguments(L: LuaState): string[] | ErrorReply {
    const argc = lua.lua_gettop(L);
    const argv: string[] = new Array(argc);
    for (let i = 1; i <= argc; i++) {
      const type = lua.lua_type(L, i);
      if (type === lua.LUA_TNUMBER) argv[i - 1] = numberArgument(lua.lua_tonumber(L, i));
      else if (type === lua.LUA_TSTRING) argv[i - 1] = binaryOf(lua.lua_tolstring(L, i));
      else return new ErrorReply("ERR Lua redis lib command arguments must be strings or integers");
    }
    return argv;
  }

  private redisCall(L: LuaState, raise: boolean): number {
    const run = this.run;
    let reply: Reply;
    if (!run) reply = new ErrorReply("ERR redis.call() can only be called inside a script invocation");
    else if (lua.lua_gettop(L) === 0) reply = new ErrorReply("ERR Please specify at least one argument for this redis lib call");
    else {
      const argv = this.collectArguments(L);
      reply = argv instanceof ErrorReply ? argv : this.runCommand(run, argv);
    }
    if (raise && reply instanceof ErrorReply) return raiseError(L, reply.message);
    pushReply(L, reply, run?.resp ?? 2);
    return 1;
  }

  private runCommand(run: Run, argv: string[]): Reply {
    const found = this.engine.lookupCommand(argv);
    if (found === undefined || found instanceof ErrorReply) return new ErrorReply("ERR Unknown Redis command called from script");
    const spec: CommandSpec = found;
    if ((spec.arity > 0 && argv.length !== spec.arity) || argv.length < -spec.arity) {
      return new ErrorReply("ERR Wrong number of args calling Redis command from script");
    }
    if (spec.flags.has("noscript")) return new ErrorReply("ERR This Redis command is not allowed from script");
    if (run.readOnly && (spec.flags.has("write") || spec.flags.has("may_replicate") || REPLICATED_READS.has(spec.name))) {
      return new ErrorReply("ERR Write commands are not allowed from read-only scripts.");
    }
    if (this.engine.refusesScriptCommand(spec, run.wrote)) return OOM_ERROR;
    if (spec.flags.has("write")) run.wrote = true;
    this.luaClient.protocol = run.resp;
    let result;
    try {
      result = this.engine.call(run.ctx, spec, argv);
    } catch (error) {
      // A bug in a handler must not unwind through the Lua VM and leave it inconsistent.
      return new ErrorReply(`ERR ${(error as Error).message}`);
    }
    return result === BLOCKED || result === NO_REPLY ? null : result;
  }

  // ---- script cache -----------------------------------------------------------------------

  /** Compiles and caches a script body; returns its SHA1 or the compile error. */
  load(body: string): { sha: string; script: CachedScript } | ErrorReply {
    const sha = sha1hex(body);
    const cached = this.scripts.get(sha);
    if (cached) return { sha, script: cached };
    const flags = parseShebang(body);
    if (flags instanceof ErrorReply) return flags;
    // The shebang line stays in the source as a comment so line numbers match Redis's.
    const source = body.startsWith("#!") ? `--${body}` : body;
    const L = this.L;
    if (lauxlib.luaL_loadbuffer(L, bytesOf(source), source.length, bytesOf("@user_script")) !== lua.LUA_OK) {
      // Lua 5.1 quotes the end-of-input token in syntax errors; 5.3 does not.
      const message = binaryOf(lua.lua_tolstring(L, -1)).replace(/ near <eof>$/, " near '<eof>'");
      lua.lua_pop(L, 1);
      return new ErrorReply(singleLine(`ERR Error compiling script (new function): ${message}`));
    }
    const script = { ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX), flags };
    this.scripts.set(sha, script);
    return { sha, script };
  }

  has(sha: string): boolean {
    return this.scripts.has(sha.toLowerCase());
  }

  get(sha: string): CachedScript | undefined {
    return this.scripts.get(sha.toLowerCase());
  }

  flush(): void {
    for (const script of this.scripts.values()) lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, script.ref);
    this.scripts.clear();
  }

  get size(): number {
    return this.scripts.size;
  }

  // ---- running ----------------------------------------------------------------------------

  /**
   * Runs a cached script with KEYS and ARGV; `readOnly` for EVAL_RO / no-writes scripts.
   * Returns BLOCKED when the script outran busy-reply-threshold and goes on in slices: the
   * caller is answered when it ends.
   */
  execute(caller: CommandContext, argv: string[], sha: string, script: CachedScript, keys: string[], args: string[], readOnly: boolean): Reply | typeof BLOCKED {
    const L = this.L;
    const client = this.luaClient;
    client.db = caller.client.db;
    client.user = caller.client.user;
    const now = performance.now();
    const run: Run = {
      sha,
      readOnly: readOnly || script.flags.noWrites,
      resp: 2,
      ctx: { engine: this.engine, client, nonBlocking: true },
      caller,
      startedAt: now,
      commandTime: this.engine.now(),
      timeLimitMs: this.engine.config.getNumber("busy-reply-threshold"),
      canYield: !caller.nonBlocking,
      sliceStartedAt: now,
      suspended: false,
      wrote: false,
      killRequested: false,
    };
    this.run = run;
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, this.globalsRef);
    pushInterned(L, this.keysName);
    pushStringArray(L, keys);
    lua.lua_rawset(L, -3);
    pushInterned(L, this.argvName);
    pushStringArray(L, args);
    lua.lua_rawset(L, -3);
    lua.lua_pop(L, 1);
    const thread = this.readyThread();
    lua.lua_rawgeti(thread, lua.LUA_REGISTRYINDEX, script.ref);
    const status = this.resume(thread);
    if (status !== lua.LUA_YIELD) return this.finish(thread, status);
    this.suspend(run, argv);
    return BLOCKED;
  }

  /** Resumes the script; a JavaScript exception (a bug) discards the coroutine before surfacing. */
  private resume(thread: LuaState): number {
    try {
      return lua.lua_resume(thread, this.L, 0);
    } catch (error) {
      this.run = undefined;
      this.thread = undefined;
      lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, this.threadRef);
      lua.lua_settop(this.L, 0);
      throw error;
    }
  }

  /** The coroutine for the next script: the previous one unless an error left it dead. */
  private readyThread(): LuaState {
    let thread = this.thread;
    if (thread === undefined) {
      this.thread = thread = lua.lua_newthread(this.L) as LuaState;
      this.threadRef = lauxlib.luaL_ref(this.L, lua.LUA_REGISTRYINDEX);
    }
    return thread;
  }

  /** Converts a finished run's outcome to its reply and resets the coroutine for reuse. */
  private finish(thread: LuaState, status: number): Reply {
    const run = this.run!;
    this.run = undefined;
    if (status === lua.LUA_OK) {
      const reply = lua.lua_gettop(thread) === 0 ? null : (lua.lua_settop(thread, 1), toReply(thread, run.resp));
      lua.lua_settop(thread, 0);
      return reply;
    }
    const reply = this.failure(thread, run.sha);
    lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, this.threadRef);
    this.thread = undefined;
    return reply;
  }

  /** The script outran busy-reply-threshold: others get BUSY while it runs on in slices. */
  private suspend(run: Run, argv: string[]): void {
    run.suspended = true;
    const { engine, client } = run.caller;
    engine.busyReply = BUSY_EVAL;
    client.blocked = {
      keys: [],
      db: client.db,
      retry: () => undefined,
      timeoutReply: () => null,
      timer: undefined,
      spec: client.currentCommand!,
      argv,
    };
    setImmediate(() => this.continueSlice(run));
  }

  private continueSlice(run: Run): void {
    const thread = this.thread!;
    run.sliceStartedAt = performance.now();
    let reply: Reply;
    try {
      const status = run.caller.engine.withCommandTime(run.commandTime, () => this.resume(thread));
      if (status === lua.LUA_YIELD) {
        setImmediate(() => this.continueSlice(run));
        return;
      }
      reply = this.finish(thread, status);
    } catch (error) {
      // Answer as the server does for a handler bug rather than leaving the caller blocked.
      reply = new ErrorReply(`ERR internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { engine, client } = run.caller;
    engine.busyReply = undefined;
    engine.unblock(client);
    client.reply(reply);
    engine.resume(client);
    engine.serveBlockedClients();
  }
}

/** C's frexp: value = mantissa * 2^exponent with 0.5 <= |mantissa| < 1. */
function frexp(value: number): [number, number] {
  if (value === 0 || !Number.isFinite(value)) return [value, 0];
  let exponent = Math.max(-1073, Math.floor(Math.log2(Math.abs(value))) + 1);
  let mantissa = value * 2 ** -exponent;
  // log2 can be off by one near powers of two; settle the mantissa into [0.5, 1).
  while (Math.abs(mantissa) < 0.5) {
    mantissa *= 2;
    exponent--;
  }
  while (Math.abs(mantissa) >= 1) {
    mantissa /= 2;
    exponent++;
  }
  return [mantissa, exponent];
}

/** Lua 5.3 names the culprit after the type ("a nil value (local 't')"), 5.1 before it. */
function asLua51Message(message: string): string {
  return message.replace(/attempt to ([a-z ]+?) a ([a-z]+) value \(([a-z]+) '([^']*)'\)/, "attempt to $1 $3 '$4' (a $2 value)");
}

/** A number passed to redis.call, as Redis 7.0 prints it ("%.17g"); integers take a shortcut. */
function numberArgument(value: number): string {
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : formatDouble17g(value);
}

function pushStringArray(L: LuaState, items: string[]): void {
  lua.lua_createtable(L, items.length, 0);
  for (let i = 0; i < items.length; i++) {
    pushBinary(L, items[i]!);
    lua.lua_rawseti(L, -2, i + 1);
  }
}

/** Raises an {err=message} table, the error form redis.call and the library functions use. */
function raiseError(L: LuaState, message: string): number {
  lua.lua_createtable(L, 0, 1);
  pushBinary(L, message);
  lua.lua_setfield(L, -2, bytesOf("err"));
  return lua.lua_error(L);
}

/** redis.error_reply / redis.status_reply: a one-field table, or an ERR table on bad input. */
function statusOrErrorTable(L: LuaState, field: "err" | "ok"): number {
  if (lua.lua_gettop(L) !== 1 || lua.lua_type(L, 1) !== lua.LUA_TSTRING) {
    lua.lua_createtable(L, 0, 1);
    pushBinary(L, "ERR wrong number or type of arguments");
    lua.lua_setfield(L, -2, bytesOf("err"));
    return 1;
  }
  let text = binaryOf(lua.lua_tolstring(L, 1));
  if (field === "err" && text.startsWith("-")) text = text.slice(1);
  lua.lua_createtable(L, 0, 1);
  pushBinary(L, text);
  lua.lua_setfield(L, -2, bytesOf(field));
  return 1;
}

/** Parses a `#!lua flags=a,b` first line (Redis 7 script flags). */
export function parseShebang(body: string): ScriptFlags | ErrorReply {
  const flags: ScriptFlags = { noWrites: false };
  if (!body.startsWith("#!")) return flags;
  const end = body.indexOf("\n");
  const line = end < 0 ? body : body.slice(0, end);
  const parts = line.slice(2).split(" ").filter(Boolean);
  if (parts[0] !== "lua") return new ErrorReply(`ERR Unexpected engine in script shebang: ${line}`);
  for (const part of parts.slice(1)) {
    if (!part.startsWith("flags=")) return new ErrorReply(`ERR Unknown lua shebang option: ${part}`);
    for (const flag of part.slice(6).split(",")) {
      if (flag === "") continue;
      if (!SHEBANG_FLAGS.has(flag)) return new ErrorReply(`ERR Unexpected flag in script shebang: ${flag}`);
      if (flag === "no-writes") flags.noWrites = true;
    }
  }
  return flags;
}

const runtimes = new WeakMap<Engine, ScriptRuntime>();

/** The engine's scripting runtime, created on first use (one Lua state per engine). */
export function scriptRuntime(engine: Engine): ScriptRuntime {
  let runtime = runtimes.get(engine);
  if (!runtime) runtimes.set(engine, (runtime = new ScriptRuntime(engine)));
  return runtime;
}
