/** The network front of an engine: RESP over TCP and Unix sockets, one Connection per client. */
import { chmodSync, rmSync } from "node:fs";
import net from "node:net";
import type { Client, ClientTransport } from "./client";
import type { Engine } from "./engine";
import { encodeReply, errorLine } from "./protocol/encoder";
import { type ParserLimits, ProtocolError, QueryBufferLimitError, RequestParser } from "./protocol/parser";
import { ErrorReply, type Reply } from "./protocol/reply";
import { parseMemory } from "./config";

export interface ListenOptions {
  /** TCP port; 0 picks a free one. Omit to listen on a Unix socket only. */
  port?: number;
  host?: string;
  unixSocket?: string;
}

export interface EngineServer {
  /** The TCP port actually bound, if listening on TCP. */
  readonly port: number | undefined;
  readonly unixSocket: string | undefined;
  close(): Promise<void>;
}

interface OutputLimit {
  hard: number;
  soft: number;
  softSeconds: number;
}

const NO_LIMIT: OutputLimit = { hard: 0, soft: 0, softSeconds: 0 };

/** Parses one class of client-output-buffer-limit ("normal 0 0 0 pubsub 32mb 8mb 60"). */
function outputLimitFor(config: string, className: "normal" | "slave" | "pubsub"): OutputLimit {
  const parts = config.split(/\s+/);
  const at = parts.indexOf(className);
  if (at < 0) return NO_LIMIT;
  return {
    hard: parseMemory(parts[at + 1] ?? "0") ?? 0,
    soft: parseMemory(parts[at + 2] ?? "0") ?? 0,
    softSeconds: Number(parts[at + 3] ?? 0),
  };
}

/**
 * The network limits of one engine, kept current by config listeners so that CONFIG SET
 * applies to open connections without re-reading the config on every request.
 */
class NetworkLimits {
  maxBulkLength = 0;
  queryBufferLimit = 0;
  normalOutput = NO_LIMIT;
  pubsubOutput = NO_LIMIT;
  /** MONITOR clients count as replicas, as in Redis. */
  replicaOutput = NO_LIMIT;

  constructor(private readonly engine: Engine) {
    this.refresh();
    for (const name of ["proto-max-bulk-len", "client-query-buffer-limit", "client-output-buffer-limit"]) {
      engine.config.onChange(name, () => this.refresh());
    }
  }

  private refresh(): void {
    const { config } = this.engine;
    this.maxBulkLength = config.getNumber("proto-max-bulk-len");
    this.queryBufferLimit = config.getNumber("client-query-buffer-limit");
    const outputLimits = config.get("client-output-buffer-limit");
    this.normalOutput = outputLimitFor(outputLimits, "normal");
    this.pubsubOutput = outputLimitFor(outputLimits, "pubsub");
    this.replicaOutput = outputLimitFor(outputLimits, "slave");
  }
}

const networkLimits = new WeakMap<Engine, NetworkLimits>();

function limitsOf(engine: Engine): NetworkLimits {
  let limits = networkLimits.get(engine);
  if (limits === undefined) networkLimits.set(engine, (limits = new NetworkLimits(engine)));
  return limits;
}

/** The parser's view of the shared limits, plus this connection's authentication state. */
class ConnectionLimits implements ParserLimits {
  constructor(
    private readonly shared: NetworkLimits,
    private readonly client: Client,
  ) {}

  get maxBulkLength(): number {
    return this.shared.maxBulkLength;
  }

  get queryBufferLimit(): number {
    return this.shared.queryBufferLimit;
  }

  isAuthenticated = (): boolean => this.client.authenticated;
}

class Connection implements ClientTransport {
  readonly client: Client;
  private readonly parser: RequestParser;
  private readonly limits: NetworkLimits;
  /** Encoded replies waiting for the end of the current read (or the next microtask). */
  private output: string[] = [];
  private reading = false;
  private flushScheduled = false;
  private softLimitSince = 0;
  private closed = false;
  private readonly submit = (argv: string[]): void => {
    try {
      this.engine.submit(this.client, argv);
    } catch (error) {
      // A bug in one command must not take the server (and every other client) down.
      process.stderr.write(`engine: internal error running ${JSON.stringify(argv[0])}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      this.client.reply(new ErrorReply(`ERR internal error: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  private readonly scheduledFlush = (): void => this.flush();

  constructor(
    private readonly engine: Engine,
    private readonly socket: net.Socket,
    readonly kind: "tcp" | "unix",
    readonly remoteAddress: string,
    readonly localAddress: string,
  ) {
    this.client = engine.createClient(this);
    this.limits = limitsOf(engine);
    this.parser = new RequestParser(new ConnectionLimits(this.limits, this.client));
    if (kind === "tcp") {
      socket.setNoDelay(true);
      const keepAlive = engine.config.getNumber("tcp-keepalive");
      if (keepAlive > 0) socket.setKeepAlive(true, keepAlive * 1000);
    }
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", () => this.destroy());
    socket.on("close", () => this.destroy());
    socket.on("drain", () => {
      this.softLimitSince = 0;
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.client.closing) return;
    this.engine.stats.netInputBytes += chunk.length;
    this.reading = true;
    try {
      this.parser.feed(chunk, this.submit);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.reading = false;
      // Replies to the requests before the bad one still go out; then the connection closes.
      if (!(error instanceof QueryBufferLimitError)) this.output.push(`-${errorLine(`ERR Protocol error: ${error.message}`)}\r\n`);
      this.close(true);
      return;
    } finally {
      this.reading = false;
    }
    this.flush();
  }

  write(reply: Reply, client: Client): void {
    if (this.closed) return;
    encodeReply(reply, client.protocol, this.output);
    if (!this.reading && !this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(this.scheduledFlush);
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.output.length === 0 || this.closed) return;
    const data = this.output.length === 1 ? this.output[0]! : this.output.join("");
    this.output = [];
    this.engine.stats.netOutputBytes += data.length;
    this.socket.write(data, "latin1");
    if (this.socket.writableLength > 0) this.enforceOutputLimit();
  }

  /** Disconnects a client whose unread replies pile up past client-output-buffer-limit. */
  private enforceOutputLimit(): void {
    const pending = this.socket.writableLength;
    const { client, limits } = this;
    const limit = client.monitor ? limits.replicaOutput : client.subscriptionCount > 0 ? limits.pubsubOutput : limits.normalOutput;
    const now = this.engine.clock.now();
    let exceeded = limit.hard > 0 && pending >= limit.hard;
    if (!exceeded && limit.soft > 0 && pending >= limit.soft) {
      if (this.softLimitSince === 0) this.softLimitSince = now;
      exceeded = now - this.softLimitSince >= limit.softSeconds * 1000;
    } else if (limit.soft > 0 && pending < limit.soft) {
      this.softLimitSince = 0;
    }
    if (exceeded) this.close(false);
  }

  pendingOutputBytes(): number {
    let buffered = 0;
    for (const piece of this.output) buffered += piece.length;
    return this.socket.writableLength + buffered;
  }

  pendingInputBytes(): number {
    return this.parser.bufferedBytes;
  }

  close(flush: boolean): void {
    if (this.closed) return;
    this.client.closing = true;
    if (flush) {
      this.flush();
      this.closed = true;
      this.socket.end();
    } else {
      this.closed = true;
      this.socket.destroy();
    }
    this.engine.removeClient(this.client);
  }

  private destroy(): void {
    this.closed = true;
    this.engine.removeClient(this.client);
  }
}

function formatAddress(address: string | undefined, port: number | undefined): string {
  if (address === undefined) return "?:0";
  const host = address.startsWith("::ffff:") ? address.slice(7) : address;
  return `${host}:${port ?? 0}`;
}

/** Starts accepting clients for `engine` on a TCP port and/or a Unix socket. */
export async function listen(engine: Engine, options: ListenOptions): Promise<EngineServer> {
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const accept = (kind: "tcp" | "unix", socketPath?: string) => (socket: net.Socket) => {
    sockets.add(socket);
    // A peer may reset the connection at any time, even one we are about to refuse.
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    if (engine.clients.size >= engine.config.getNumber("maxclients")) {
      engine.stats.rejectedConnections++;
      socket.end("-ERR max number of clients reached\r\n");
      return;
    }
    const remote = kind === "unix" ? `${socketPath}:0` : formatAddress(socket.remoteAddress, socket.remotePort);
    const local = kind === "unix" ? `${socketPath}:0` : formatAddress(socket.localAddress, socket.localPort);
    new Connection(engine, socket, kind, remote, local);
  };

  let port: number | undefined;
  if (options.port !== undefined) {
    const server = net.createServer(accept("tcp"));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port: options.port, host: options.host ?? "127.0.0.1", backlog: 511 }, () => resolve());
    });
    port = (server.address() as net.AddressInfo).port;
    // INFO's tcp_port and CONFIG GET port show the port actually bound (it may have been 0).
    engine.config.set("port", String(port));
    servers.push(server);
  }
  if (options.unixSocket !== undefined) {
    // Like redis-server, replace a socket file left behind by a previous run.
    rmSync(options.unixSocket, { force: true });
    const server = net.createServer(accept("unix", options.unixSocket));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ path: options.unixSocket, backlog: 511 }, () => resolve());
    });
    const permissions = Number.parseInt(engine.config.get("unixsocketperm"), 8);
    if (permissions !== 0) chmodSync(options.unixSocket, permissions);
    servers.push(server);
  }
  return {
    port,
    unixSocket: options.unixSocket,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}
