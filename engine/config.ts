/**
 * Server configuration: the parameters CONFIG GET/SET and the config file know, with Redis's
 * names, defaults and value rules. Values are kept as text exactly as CONFIG GET prints them.
 */

export type ConfigKind =
  | { type: "bool" }
  | { type: "int"; min: number; max: number }
  | { type: "memory"; min: number; max: number }
  | { type: "enum"; values: string[] }
  | { type: "string" }
  | { type: "special"; parse: (value: string) => string | undefined; message: string };

export interface ConfigParameter {
  name: string;
  kind: ConfigKind;
  defaultValue: string;
  aliases?: string[];
  /** Only settable at start-up (config file / command line). */
  immutable?: boolean;
  /** Hidden from CONFIG GET * (passwords are still returned by Redis; this is for internal knobs). */
  sensitive?: boolean;
}

const MEMORY_UNITS: Record<string, number> = {
  "": 1, b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3,
};

/** Parses "100mb", "1gb", "4096" the way Redis's memtoull does. */
export function parseMemory(text: string): number | undefined {
  const match = /^(-?\d+)([a-z]*)$/i.exec(text);
  if (!match) return undefined;
  const unit = MEMORY_UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  return Number(match[1]) * unit;
}

const bool = { type: "bool" } as const;
const str = { type: "string" } as const;
const int = (min: number, max: number) => ({ type: "int", min, max }) as const;
const memory = (min: number, max: number) => ({ type: "memory", min, max }) as const;
const oneOf = (...values: string[]) => ({ type: "enum", values }) as const;
const INT_MAX = 2 ** 31 - 1;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

function parseSavePoints(value: string): string | undefined {
  const parts = value.trim().split(/\s+/).filter(Boolean);
  if (parts.length % 2 !== 0) return undefined;
  if (parts.some((part) => !/^\d+$/.test(part))) return undefined;
  return parts.join(" ");
}

export const CONFIG_PARAMETERS: ConfigParameter[] = [
  { name: "port", kind: int(0, 65535), defaultValue: "6379", immutable: true },
  { name: "bind", kind: str, defaultValue: "127.0.0.1 -::1", immutable: true },
  { name: "unixsocket", kind: str, defaultValue: "", immutable: true },
  { name: "unixsocketperm", kind: int(0, 0o777), defaultValue: "0", immutable: true },
  { name: "databases", kind: int(1, INT_MAX), defaultValue: "16", immutable: true },
  { name: "requirepass", kind: str, defaultValue: "" },
  { name: "masterauth", kind: str, defaultValue: "" },
  { name: "timeout", kind: int(0, INT_MAX), defaultValue: "0" },
  { name: "tcp-keepalive", kind: int(0, INT_MAX), defaultValue: "300" },
  { name: "maxclients", kind: int(1, INT_MAX), defaultValue: "10000" },
  { name: "hz", kind: int(0, INT_MAX), defaultValue: "10" },
  { name: "dynamic-hz", kind: bool, defaultValue: "yes" },
  { name: "loglevel", kind: oneOf("debug", "verbose", "notice", "warning", "nothing"), defaultValue: "notice" },
  { name: "logfile", kind: str, defaultValue: "", immutable: true },
  { name: "daemonize", kind: bool, defaultValue: "no", immutable: true },
  { name: "pidfile", kind: str, defaultValue: "", immutable: true },
  { name: "dir", kind: str, defaultValue: "." },
  { name: "dbfilename", kind: str, defaultValue: "dump.rdb" },
  { name: "appendonly", kind: bool, defaultValue: "no" },
  { name: "appendfilename", kind: str, defaultValue: "appendonly.aof", immutable: true },
  { name: "appenddirname", kind: str, defaultValue: "appendonlydir", immutable: true },
  { name: "appendfsync", kind: oneOf("always", "everysec", "no"), defaultValue: "everysec" },
  { name: "aof-use-rdb-preamble", kind: bool, defaultValue: "yes" },
  { name: "aof-load-truncated", kind: bool, defaultValue: "yes" },
  { name: "auto-aof-rewrite-percentage", kind: int(0, INT_MAX), defaultValue: "100" },
  { name: "auto-aof-rewrite-min-size", kind: memory(0, LONG_MAX), defaultValue: "67108864" },
  { name: "save", kind: { type: "special", parse: parseSavePoints, message: "Invalid save parameters" }, defaultValue: "3600 1 300 100 60 10000" },
  { name: "rdbcompression", kind: bool, defaultValue: "yes" },
  { name: "rdbchecksum", kind: bool, defaultValue: "yes" },
  { name: "stop-writes-on-bgsave-error", kind: bool, defaultValue: "yes" },
  { name: "maxmemory", kind: memory(0, LONG_MAX), defaultValue: "0" },
  {
    name: "maxmemory-policy",
    kind: oneOf("volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction"),
    defaultValue: "noeviction",
  },
  { name: "maxmemory-samples", kind: int(1, 64), defaultValue: "5" },
  { name: "maxmemory-eviction-tenacity", kind: int(0, 100), defaultValue: "10" },
  { name: "lfu-log-factor", kind: int(0, INT_MAX), defaultValue: "10" },
  { name: "lfu-decay-time", kind: int(0, INT_MAX), defaultValue: "1" },
  { name: "active-expire-effort", kind: int(1, 10), defaultValue: "1" },
  { name: "lazyfree-lazy-eviction", kind: bool, defaultValue: "no" },
  { name: "lazyfree-lazy-expire", kind: bool, defaultValue: "no" },
  { name: "lazyfree-lazy-server-del", kind: bool, defaultValue: "no" },
  { name: "lazyfree-lazy-user-del", kind: bool, defaultValue: "no" },
  { name: "lazyfree-lazy-user-flush", kind: bool, defaultValue: "no" },
  {
    name: "notify-keyspace-events",
    kind: { type: "special", parse: canonicalNotifyFlags, message: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." },
    defaultValue: "",
  },
  { name: "slowlog-log-slower-than", kind: int(-1, LONG_MAX), defaultValue: "10000" },
  { name: "slowlog-max-len", kind: int(0, LONG_MAX), defaultValue: "128" },
  { name: "latency-monitor-threshold", kind: int(0, LONG_MAX), defaultValue: "0" },
  { name: "latency-tracking", kind: bool, defaultValue: "yes" },
  { name: "proto-max-bulk-len", kind: memory(1024 * 1024, LONG_MAX), defaultValue: "536870912" },
  { name: "client-query-buffer-limit", kind: memory(1024 * 1024, LONG_MAX), defaultValue: "1073741824" },
  { name: "client-output-buffer-limit", kind: str, defaultValue: "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60" },
  { name: "busy-reply-threshold", kind: int(0, LONG_MAX), defaultValue: "5000", aliases: ["lua-time-limit"] },
  { name: "hash-max-listpack-entries", kind: int(0, LONG_MAX), defaultValue: "512", aliases: ["hash-max-ziplist-entries"] },
  { name: "hash-max-listpack-value", kind: int(0, LONG_MAX), defaultValue: "64", aliases: ["hash-max-ziplist-value"] },
  { name: "list-max-listpack-size", kind: int(-5, INT_MAX), defaultValue: "-2", aliases: ["list-max-ziplist-size"] },
  { name: "list-compress-depth", kind: int(0, INT_MAX), defaultValue: "0" },
  { name: "set-max-intset-entries", kind: int(0, LONG_MAX), defaultValue: "512" },
  { name: "zset-max-listpack-entries", kind: int(0, LONG_MAX), defaultValue: "128", aliases: ["zset-max-ziplist-entries"] },
  { name: "zset-max-listpack-value", kind: int(0, LONG_MAX), defaultValue: "64", aliases: ["zset-max-ziplist-value"] },
  { name: "hll-sparse-max-bytes", kind: memory(0, LONG_MAX), defaultValue: "3000" },
  { name: "stream-node-max-bytes", kind: memory(0, LONG_MAX), defaultValue: "4096" },
  { name: "stream-node-max-entries", kind: int(0, LONG_MAX), defaultValue: "100" },
  { name: "activerehashing", kind: bool, defaultValue: "yes" },
  { name: "protected-mode", kind: bool, defaultValue: "yes" },
  { name: "io-threads", kind: int(1, 128), defaultValue: "1", immutable: true },
  { name: "replica-read-only", kind: bool, defaultValue: "yes", aliases: ["slave-read-only"] },
  { name: "replica-serve-stale-data", kind: bool, defaultValue: "yes", aliases: ["slave-serve-stale-data"] },
  { name: "repl-backlog-size", kind: memory(1, LONG_MAX), defaultValue: "1048576" },
  { name: "repl-timeout", kind: int(1, INT_MAX), defaultValue: "60" },
  { name: "min-replicas-to-write", kind: int(0, INT_MAX), defaultValue: "0", aliases: ["min-slaves-to-write"] },
  { name: "min-replicas-max-lag", kind: int(0, INT_MAX), defaultValue: "10", aliases: ["min-slaves-max-lag"] },
  { name: "replica-priority", kind: int(0, INT_MAX), defaultValue: "100", aliases: ["slave-priority"] },
  { name: "cluster-enabled", kind: bool, defaultValue: "no", immutable: true },
  { name: "cluster-node-timeout", kind: int(0, LONG_MAX), defaultValue: "15000" },
  { name: "cluster-config-file", kind: str, defaultValue: "nodes.conf", immutable: true },
  { name: "enable-debug-command", kind: oneOf("yes", "no", "local"), defaultValue: "no", immutable: true },
  { name: "lua-replicate-commands", kind: bool, defaultValue: "yes" },
  { name: "tracking-table-max-keys", kind: int(0, LONG_MAX), defaultValue: "1000000" },
];

/** The classes the `A` alias stands for (keymiss `m` and new-key `n` are not among them). */
const NOTIFY_ALL_CLASSES = "g$lshzxetd";

/**
 * notify-keyspace-events as Redis 7.0 prints it back: "A" or the classes in a fixed order, then
 * K, E, m (n is only shown without A). Undefined for an unknown character.
 */
export function canonicalNotifyFlags(value: string): string | undefined {
  const given = new Set<string>();
  for (const char of value) {
    if (char === "A") for (const implied of NOTIFY_ALL_CLASSES) given.add(implied);
    else if ("g$lshzxetdKEmn".includes(char)) given.add(char);
    else return undefined;
  }
  let text = "";
  if ([...NOTIFY_ALL_CLASSES].every((char) => given.has(char))) text = "A";
  else for (const char of `${NOTIFY_ALL_CLASSES}n`) if (given.has(char)) text += char;
  for (const char of "KEm") if (given.has(char)) text += char;
  return text;
}

/** Range bounds as Redis prints them: its LONG_MAX is 2^63-1, which JS numbers stand in for. */
function formatBound(bound: number): string {
  if (bound === LONG_MAX) return "9223372036854775807";
  return String(bound);
}

/** A parameter's text after validation, or the CONFIG SET error explaining why it is invalid. */
export function validateConfigValue(parameter: ConfigParameter, value: string): { value: string } | { error: string } {
  const { kind } = parameter;
  switch (kind.type) {
    case "bool": {
      const lower = value.toLowerCase();
      if (lower !== "yes" && lower !== "no") return { error: "argument must be 'yes' or 'no'" };
      return { value: lower };
    }
    case "int": {
      if (!/^-?\d+$/.test(value)) return { error: "argument couldn't be parsed into an integer" };
      const number = Number(value);
      if (number < kind.min || number > kind.max) return { error: `argument must be between ${formatBound(kind.min)} and ${formatBound(kind.max)} inclusive` };
      return { value: String(number) };
    }
    case "memory": {
      const number = parseMemory(value);
      if (number === undefined || number < 0) return { error: "argument must be a memory value" };
      if (number < kind.min || number > kind.max) return { error: `argument must be between ${formatBound(kind.min)} and ${formatBound(kind.max)} inclusive` };
      return { value: String(number) };
    }
    case "enum": {
      const lower = value.toLowerCase();
      if (!kind.values.includes(lower)) return { error: `argument(s) must be one of the following: ${kind.values.join(", ")}` };
      return { value: lower };
    }
    case "string":
      return { value };
    case "special": {
      const parsed = kind.parse(value);
      return parsed === undefined ? { error: kind.message } : { value: parsed };
    }
  }
}

export class Config {
  private readonly values = new Map<string, string>();
  private readonly byName = new Map<string, ConfigParameter>();
  private readonly listeners = new Map<string, ((value: string) => void)[]>();

  constructor(overrides: Record<string, string> = {}) {
    for (const parameter of CONFIG_PARAMETERS) {
      this.byName.set(parameter.name, parameter);
      for (const alias of parameter.aliases ?? []) this.byName.set(alias, parameter);
      this.values.set(parameter.name, parameter.defaultValue);
    }
    for (const [name, value] of Object.entries(overrides)) {
      const parameter = this.parameter(name);
      if (!parameter) throw new Error(`Bad directive or wrong number of arguments: '${name}'`);
      const result = validateConfigValue(parameter, value);
      if ("error" in result) throw new Error(`Invalid value for '${name}': ${result.error}`);
      this.values.set(parameter.name, result.value);
    }
  }

  parameter(name: string): ConfigParameter | undefined {
    return this.byName.get(name.toLowerCase());
  }

  get parameters(): ConfigParameter[] {
    return CONFIG_PARAMETERS;
  }

  get(name: string): string {
    const parameter = this.parameter(name);
    if (!parameter) throw new Error(`unknown config parameter ${name}`);
    return this.values.get(parameter.name)!;
  }

  getNumber(name: string): number {
    return Number(this.get(name));
  }

  getBool(name: string): boolean {
    return this.get(name) === "yes";
  }

  /** Sets an already validated value and tells the listeners. */
  set(name: string, value: string): void {
    const parameter = this.parameter(name);
    if (!parameter) throw new Error(`unknown config parameter ${name}`);
    this.values.set(parameter.name, value);
    for (const listener of this.listeners.get(parameter.name) ?? []) listener(value);
  }

  /** Calls `listener` whenever the parameter changes (e.g. hz re-arms the cron timer). */
  onChange(name: string, listener: (value: string) => void): void {
    const key = this.parameter(name)!.name;
    this.listeners.set(key, [...(this.listeners.get(key) ?? []), listener]);
  }
}
