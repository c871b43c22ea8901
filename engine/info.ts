/**
 * INFO: Redis 7.0's sections with their field names, order and number formats. Values come
 * from the engine's counters; memory figures come from the Node process until per-key
 * accounting exists.
 */
import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import type { Engine } from "./engine";
import { REDIS_VERSION } from "./engine";
import { memoryBreakdown, notePeak } from "./memory";
import { trackingCounts } from "./tracking";

/** Sections in the order Redis prints them, and the header each one gets. */
const SECTIONS: [name: string, header: string][] = [
  ["server", "Server"],
  ["clients", "Clients"],
  ["memory", "Memory"],
  ["persistence", "Persistence"],
  ["stats", "Stats"],
  ["replication", "Replication"],
  ["cpu", "CPU"],
  ["modules", "Modules"],
  ["commandstats", "Commandstats"],
  ["errorstats", "Errorstats"],
  ["latencystats", "Latencystats"],
  ["cluster", "Cluster"],
  ["keyspace", "Keyspace"],
];

const DEFAULT_SECTIONS = new Set(["server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "errorstats", "cluster", "keyspace"]);
const ALL_SECTIONS = new Set(SECTIONS.map(([name]) => name));

/** Per-engine values that INFO reports but nothing else needs. */
interface InfoState {
  replicationId: string;
  buildId: string;
}

const infoStates = new WeakMap<Engine, InfoState>();

function stateOf(engine: Engine): InfoState {
  let state = infoStates.get(engine);
  if (state === undefined) {
    state = {
      replicationId: randomBytes(20).toString("hex"),
      buildId: createHash("sha1").update(REDIS_VERSION).digest("hex").slice(0, 15),
    };
    infoStates.set(engine, state);
  }
  return state;
}

/** Redis's bytesToHuman: "991.25K", "6.67M", "0B". */
export function bytesToHuman(bytes: number): string {
  const units = ["K", "M", "G", "T", "P"];
  if (bytes < 1024) return `${bytes}B`;
  let value = bytes / 1024;
  for (const unit of units) {
    if (value < 1024 || unit === "P") return `${value.toFixed(2)}${unit}`;
    value /= 1024;
  }
  return `${bytes}B`;
}

/** Memory the engine counts as its own: the JS heap plus off-heap buffers. */
export function usedMemory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

type Fields = [string, string | number][];

function serverSection(engine: Engine): Fields {
  const now = engine.clock.now();
  const uptime = Math.floor((now - engine.startedAt) / 1000);
  const hz = engine.config.getNumber("hz");
  return [
    ["redis_version", REDIS_VERSION],
    ["redis_git_sha1", "00000000"],
    ["redis_git_dirty", 0],
    ["redis_build_id", stateOf(engine).buildId],
    ["redis_mode", "standalone"],
    ["os", `${os.type()} ${os.release()} ${os.machine()}`],
    ["arch_bits", 64],
    ["monotonic_clock", "POSIX clock_gettime"],
    ["multiplexing_api", "epoll"],
    ["atomicvar_api", "c11-builtin"],
    ["gcc_version", "0.0.0"],
    ["process_id", process.pid],
    ["process_supervised", "no"],
    ["run_id", engine.runId],
    ["tcp_port", engine.config.get("port")],
    ["server_time_usec", Math.floor(now * 1000)],
    ["uptime_in_seconds", uptime],
    ["uptime_in_days", Math.floor(uptime / 86400)],
    ["hz", Math.min(500, Math.max(1, hz))],
    ["configured_hz", hz],
    ["lru_clock", Math.floor(now / 1000) & 0xffffff],
    ["executable", process.argv[1] ?? process.execPath],
    ["config_file", engine.configFile ?? ""],
    ["io_threads_active", 0],
  ];
}

function clientsSection(engine: Engine): Fields {
  let maxInput = 0;
  let maxOutput = 0;
  let blocked = 0;
  for (const client of engine.clients.values()) {
    maxInput = Math.max(maxInput, client.transport.pendingInputBytes());
    maxOutput = Math.max(maxOutput, client.transport.pendingOutputBytes());
    if (client.blocked) blocked++;
  }
  return [
    ["connected_clients", engine.clients.size],
    ["cluster_connections", 0],
    ["maxclients", engine.config.get("maxclients")],
    ["client_recent_max_input_buffer", maxInput],
    ["client_recent_max_output_buffer", maxOutput],
    ["blocked_clients", blocked],
    ["tracking_clients", trackingCounts(engine).clients],
    ["clients_in_timeout_table", blocked],
  ];
}

function memorySection(engine: Engine): Fields {
  // Figures come from the per-key model in memory.ts (what redis-server would use for the same
  // data), not from the Node process; RSS and allocator figures equal used memory (ratio 1.00).
  const breakdown = memoryBreakdown(engine);
  const used = breakdown.used;
  const peak = notePeak(engine, used);
  const startup = breakdown.startup;
  const overhead = breakdown.overhead;
  const dataset = breakdown.dataset;
  const maxmemory = engine.config.getNumber("maxmemory");
  const percent = (value: number, base: number) => `${(base > 0 ? (value * 100) / base : 0).toFixed(2)}%`;
  return [
    ["used_memory", used],
    ["used_memory_human", bytesToHuman(used)],
    ["used_memory_rss", used],
    ["used_memory_rss_human", bytesToHuman(used)],
    ["used_memory_peak", peak],
    ["used_memory_peak_human", bytesToHuman(peak)],
    ["used_memory_peak_perc", percent(used, peak)],
    ["used_memory_overhead", overhead],
    ["used_memory_startup", startup],
    ["used_memory_dataset", dataset],
    ["used_memory_dataset_perc", percent(dataset, used - startup)],
    ["allocator_allocated", used],
    ["allocator_active", used],
    ["allocator_resident", used],
    ["total_system_memory", os.totalmem()],
    ["total_system_memory_human", bytesToHuman(os.totalmem())],
    ["used_memory_lua", 32768],
    ["used_memory_vm_eval", 32768],
    ["used_memory_lua_human", bytesToHuman(32768)],
    ["used_memory_scripts_eval", 0],
    ["number_of_cached_scripts", 0],
    ["number_of_functions", 0],
    ["number_of_libraries", 0],
    ["used_memory_vm_functions", 32768],
    ["used_memory_vm_total", 65536],
    ["used_memory_vm_total_human", bytesToHuman(65536)],
    ["used_memory_functions", 0],
    ["used_memory_scripts", 0],
    ["used_memory_scripts_human", "0B"],
    ["maxmemory", maxmemory],
    ["maxmemory_human", bytesToHuman(maxmemory)],
    ["maxmemory_policy", engine.config.get("maxmemory-policy")],
    ["allocator_frag_ratio", "1.00"],
    ["allocator_frag_bytes", 0],
    ["allocator_rss_ratio", "1.00"],
    ["allocator_rss_bytes", 0],
    ["rss_overhead_ratio", "1.00"],
    ["rss_overhead_bytes", 0],
    ["mem_fragmentation_ratio", "1.00"],
    ["mem_fragmentation_bytes", 0],
    ["mem_not_counted_for_evict", 0],
    ["mem_replication_backlog", 0],
    ["mem_total_replication_buffers", 0],
    ["mem_clients_slaves", 0],
    ["mem_clients_normal", breakdown.clients],
    ["mem_cluster_links", 0],
    ["mem_aof_buffer", 0],
    ["mem_allocator", "libc"],
    ["active_defrag_running", 0],
    ["lazyfree_pending_objects", 0],
    ["lazyfreed_objects", 0],
  ];
}

function persistenceSection(engine: Engine): Fields {
  return [
    ["loading", 0],
    ["async_loading", 0],
    ["current_cow_peak", 0],
    ["current_cow_size", 0],
    ["current_cow_size_age", 0],
    ["current_fork_perc", "0.00"],
    ["current_save_keys_processed", 0],
    ["current_save_keys_total", 0],
    ["rdb_changes_since_last_save", 0],
    ["rdb_bgsave_in_progress", 0],
    ["rdb_last_save_time", Math.floor(engine.startedAt / 1000)],
    ["rdb_last_bgsave_status", "ok"],
    ["rdb_last_bgsave_time_sec", -1],
    ["rdb_current_bgsave_time_sec", -1],
    ["rdb_saves", 0],
    ["rdb_last_cow_size", 0],
    ["rdb_last_load_keys_expired", 0],
    ["rdb_last_load_keys_loaded", 0],
    ["aof_enabled", engine.config.getBool("appendonly") ? 1 : 0],
    ["aof_rewrite_in_progress", 0],
    ["aof_rewrite_scheduled", 0],
    ["aof_last_rewrite_time_sec", -1],
    ["aof_current_rewrite_time_sec", -1],
    ["aof_last_bgrewrite_status", "ok"],
    ["aof_rewrites", 0],
    ["aof_rewrites_consecutive_failures", 0],
    ["aof_last_write_status", "ok"],
    ["aof_last_cow_size", 0],
    ["module_fork_in_progress", 0],
    ["module_fork_last_cow_size", 0],
  ];
}

function statsSection(engine: Engine): Fields {
  const { stats } = engine;
  const tracking = trackingCounts(engine);
  const expiredStalePercent = stats.expiredKeys > 0 ? (stats.expiredStaleKeys * 100) / stats.expiredKeys : 0;
  return [
    ["total_connections_received", stats.totalConnections],
    ["total_commands_processed", stats.totalCommands],
    ["instantaneous_ops_per_sec", engine.instantaneousOpsPerSecond],
    ["total_net_input_bytes", stats.netInputBytes],
    ["total_net_output_bytes", stats.netOutputBytes],
    ["total_net_repl_input_bytes", 0],
    ["total_net_repl_output_bytes", 0],
    ["instantaneous_input_kbps", "0.00"],
    ["instantaneous_output_kbps", "0.00"],
    ["instantaneous_input_repl_kbps", "0.00"],
    ["instantaneous_output_repl_kbps", "0.00"],
    ["rejected_connections", stats.rejectedConnections],
    ["sync_full", 0],
    ["sync_partial_ok", 0],
    ["sync_partial_err", 0],
    ["expired_keys", stats.expiredKeys],
    ["expired_stale_perc", expiredStalePercent.toFixed(2)],
    ["expired_time_cap_reached_count", 0],
    ["expire_cycle_cpu_milliseconds", 0],
    ["evicted_keys", stats.evictedKeys],
    ["evicted_clients", 0],
    ["total_eviction_exceeded_time", 0],
    ["current_eviction_exceeded_time", 0],
    ["keyspace_hits", stats.keyspaceHits],
    ["keyspace_misses", stats.keyspaceMisses],
    ["pubsub_channels", engine.channels.size],
    ["pubsub_patterns", engine.patterns.size],
    ["pubsubshard_channels", engine.shardChannels.size],
    ["latest_fork_usec", 0],
    ["total_forks", 0],
    ["migrate_cached_sockets", 0],
    ["slave_expires_tracked_keys", 0],
    ["active_defrag_hits", 0],
    ["active_defrag_misses", 0],
    ["active_defrag_key_hits", 0],
    ["active_defrag_key_misses", 0],
    ["total_active_defrag_time", 0],
    ["current_active_defrag_time", 0],
    ["tracking_total_keys", tracking.keys],
    ["tracking_total_items", tracking.items],
    ["tracking_total_prefixes", tracking.prefixes],
    ["unexpected_error_replies", 0],
    ["total_error_replies", stats.totalErrorReplies],
    ["dump_payload_sanitizations", 0],
    ["total_reads_processed", stats.totalCommands],
    ["total_writes_processed", stats.totalCommands],
    ["io_threaded_reads_processed", 0],
    ["io_threaded_writes_processed", 0],
    ["reply_buffer_shrinks", 0],
    ["reply_buffer_expands", 0],
  ];
}

function replicationSection(engine: Engine): Fields {
  return [
    ["role", "master"],
    ["connected_slaves", 0],
    ["master_failover_state", "no-failover"],
    ["master_replid", stateOf(engine).replicationId],
    ["master_replid2", "0".repeat(40)],
    ["master_repl_offset", 0],
    ["second_repl_offset", -1],
    ["repl_backlog_active", 0],
    ["repl_backlog_size", engine.config.get("repl-backlog-size")],
    ["repl_backlog_first_byte_offset", 0],
    ["repl_backlog_histlen", 0],
  ];
}

function cpuSection(): Fields {
  const usage = process.cpuUsage();
  const seconds = (micros: number) => (micros / 1e6).toFixed(6);
  return [
    ["used_cpu_sys", seconds(usage.system)],
    ["used_cpu_user", seconds(usage.user)],
    ["used_cpu_sys_children", "0.000000"],
    ["used_cpu_user_children", "0.000000"],
    ["used_cpu_sys_main_thread", seconds(usage.system)],
    ["used_cpu_user_main_thread", seconds(usage.user)],
  ];
}

/** commandstats lines are `cmdstat_get:calls=1,usec=4,usec_per_call=4.00,rejected_calls=0,failed_calls=0`. */
function commandstatsSection(engine: Engine): Fields {
  const fields: Fields = [];
  for (const [name, stats] of engine.commandStats) {
    if (stats.calls === 0 && stats.rejectedCalls === 0 && stats.failedCalls === 0) continue;
    const perCall = stats.calls > 0 ? stats.usec / stats.calls : 0;
    fields.push([
      `cmdstat_${name}`,
      `calls=${stats.calls},usec=${stats.usec},usec_per_call=${perCall.toFixed(2)},rejected_calls=${stats.rejectedCalls},failed_calls=${stats.failedCalls}`,
    ]);
  }
  return fields;
}

function errorstatsSection(engine: Engine): Fields {
  return [...engine.errorStats].map(([code, count]) => [`errorstat_${code}`, `count=${count}`]);
}

/** Without per-command histograms, every percentile is the mean latency. */
function latencystatsSection(engine: Engine): Fields {
  const fields: Fields = [];
  for (const [name, stats] of engine.commandStats) {
    if (stats.calls === 0) continue;
    const mean = (stats.usec / stats.calls).toFixed(3);
    fields.push([`latency_percentiles_usec_${name}`, `p50=${mean},p99=${mean},p99.9=${mean}`]);
  }
  return fields;
}

/** db0:keys=1,expires=0,avg_ttl=0, with avg_ttl estimated from a sample of volatile keys like Redis's. */
function keyspaceSection(engine: Engine): Fields {
  const fields: Fields = [];
  const now = engine.now();
  for (const db of engine.databases) {
    if (db.size === 0) continue;
    let sampled = 0;
    let ttlSum = 0;
    for (const at of db.expires.valuesIterator()) {
      if (sampled === 100) break;
      if (at > now) ttlSum += at - now;
      sampled++;
    }
    const averageTtl = sampled > 0 ? Math.round(ttlSum / sampled) : 0;
    fields.push([`db${db.id}`, `keys=${db.size},expires=${db.expires.size},avg_ttl=${averageTtl}`]);
  }
  return fields;
}

function sectionFields(engine: Engine, name: string): Fields {
  switch (name) {
    case "server":
      return serverSection(engine);
    case "clients":
      return clientsSection(engine);
    case "memory":
      return memorySection(engine);
    case "persistence":
      return persistenceSection(engine);
    case "stats":
      return statsSection(engine);
    case "replication":
      return replicationSection(engine);
    case "cpu":
      return cpuSection();
    case "commandstats":
      return commandstatsSection(engine);
    case "errorstats":
      return errorstatsSection(engine);
    case "latencystats":
      return latencystatsSection(engine);
    case "cluster":
      return [["cluster_enabled", 0]];
    case "keyspace":
      return keyspaceSection(engine);
    default:
      return [];
  }
}

/** Resolves INFO's arguments (section names, `default`, `all`, `everything`) to section names. */
export function selectSections(args: string[]): Set<string> {
  if (args.length === 0) return DEFAULT_SECTIONS;
  const selected = new Set<string>();
  for (const arg of args) {
    const name = arg.toLowerCase();
    if (name === "default") for (const section of DEFAULT_SECTIONS) selected.add(section);
    else if (name === "all" || name === "everything") for (const section of ALL_SECTIONS) selected.add(section);
    else if (name === "module_list") selected.add("modules");
    else selected.add(name);
  }
  return selected;
}

/** The INFO text for the requested sections: "# Header\r\nfield:value\r\n" blocks joined by "\r\n". */
export function infoText(engine: Engine, args: string[]): string {
  const selected = selectSections(args);
  const blocks: string[] = [];
  for (const [name, header] of SECTIONS) {
    if (!selected.has(name)) continue;
    let block = `# ${header}\r\n`;
    for (const [field, value] of sectionFields(engine, name)) block += `${field}:${value}\r\n`;
    blocks.push(block);
  }
  return blocks.join("\r\n");
}
