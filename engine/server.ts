/** The network front of an engine: RESP over TCP and Unix sockets, one Connection per client. */
import net from "node:net";
import type { Client, ClientTransport } from "./client";
import type { Engine } from "./engine";
import { encodeReply } from "./protocol/encoder";
import { ProtocolError, RequestParser } from "./protocol/parser";
import type { Reply } from "./protocol/reply";
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

/** Parses one class of client-output-buffer-limit ("normal 0 0 0 pubsub 32mb 8mb 60"). */
function outputLimitFor(config: string, className: "normal" | "pubsub"): OutputLimit {
  const parts = config.split(/\s+/);
  const at = parts.indexOf(className);
  if (at < 0) return { hard: 0, soft: 0, softSeconds: 0 };
  return {
    hard: parseMemory(parts[at + 1] ?? "0") ?? 0,
    soft: parseMemory(parts[at + 2] ?? "0") ?? 0,
    softSeconds: Number(parts[at + 3] ?? 0),
  };
}

class Connection implements ClientTransport {
  readonly client: Client;
  private readonly parser: RequestParser;
  private output: string[] = [];
  private reading = false;
  private flushScheduled = false;
  private softLimitSince = 0;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    private readonly socket: net.Socket,
    readonly kind: "tcp" | "unix",
    readonly remoteAddress: string,
    readonly localAddress: string,
  ) {
    this.client = engine.createClient(this);
    this.parser = new RequestParser({
      maxBulkLength: engine.config.getNumber("proto-max-bulk-len"),
      queryBufferLimit: engine.config.getNumber("client-query-buffer-limit"),
      isAuthenticated: () => this.client.authenticated,
    });
    socket.setNoDelay(true);
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
      this.parser.feed(chunk, (argv) => this.engine.submit(this.client, argv));
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.output.push(`-ERR Protocol error: ${error.message}\r\n`);
      this.reading = false;
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
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.output.length === 0 || this.closed) return;
    const data = this.output.length === 1 ? this.output[0]! : this.output.join("");
    this.output = [];
    this.engine.stats.netOutputBytes += data.length;
    this.socket.write(data, "latin1");
    this.enforceOutputLimit();
  }

  /** Disconnects a client whose unread replies pile up past client-output-buffer-limit. */
  private enforceOutputLimit(): void {
    const pending = this.socket.writableLength;
    if (pending === 0) return;
    const limit = outputLimitFor(
      this.engine.config.get("client-output-buffer-limit"),
      this.client.subscriptionCount > 0 ? "pubsub" : "normal",
    );
    const now = this.engine.clock.now();
    let exceeded = limit.hard > 0 && pending >= limit.hard;
    if (!exceeded && limit.soft > 0 && pending >= limit.soft) {
      if (this.softLimitSince === 0) this.softLimitSince = now;
      exceeded = now - this.softLimitSince >= limit.softSeconds * 1000;
    } else if (limit.soft > 0 && pending < limit.soft) {
      this.softLimitSince = 0;
    }
    if (exceeded) {
      this.closed = true;
      this.socket.destroy();
      this.engine.removeClient(this.client);
    }
  }

  pendingOutputBytes(): number {
    return this.socket.writableLength + this.output.reduce((sum, part) => sum + part.length, 0);
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
      server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
    });
    port = (server.address() as net.AddressInfo).port;
    servers.push(server);
  }
  if (options.unixSocket !== undefined) {
    const server = net.createServer(accept("unix", options.unixSocket));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.unixSocket, () => resolve());
    });
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
