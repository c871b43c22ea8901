import type { TimerHandle } from "./clock";
import type { CommandSpec } from "./commands/spec";
import type { Database } from "./database";
import type { ProtocolVersion } from "./protocol/encoder";
import type { Reply } from "./protocol/reply";

/** How replies leave the engine: a socket for network clients, a promise queue in-process. */
export interface ClientTransport {
  readonly kind: "tcp" | "unix" | "local";
  /** "127.0.0.1:51234", "/tmp/redis.sock:0", or a name for in-process clients. */
  readonly remoteAddress: string;
  readonly localAddress: string;
  write(reply: Reply, client: Client): void;
  /** Closes the connection, after pending output has been written when `flush` is true. */
  close(flush: boolean): void;
  /** Bytes waiting to be written (CLIENT LIST omem and output buffer limits). */
  pendingOutputBytes(): number;
  /** Bytes read but not yet parsed (CLIENT LIST qbuf). */
  pendingInputBytes(): number;
}

export interface QueuedCommand {
  spec: CommandSpec;
  argv: string[];
}

export interface BlockedState {
  /** Keys (in `db`) whose writes may let the command complete. */
  keys: string[];
  db: Database;
  /** Tries the command again after `readyKey` received data; returns its reply once it can complete. */
  retry: (readyKey: string) => Reply | undefined;
  /** The reply sent when the timeout passes (a null for most commands). */
  timeoutReply: () => Reply;
  timer: TimerHandle | undefined;
  /** The command's spec, for stats and for CLIENT LIST's `cmd=`. */
  spec: CommandSpec;
  argv: string[];
}

/** A watched key and whether it had already expired when WATCH ran. */
export interface WatchedKey {
  db: Database;
  key: string;
  expiredWhenWatched: boolean;
}

export type ReplyMode = "on" | "off" | "skip";

export class Client {
  name = "";
  user = "default";
  protocol: ProtocolVersion = 2;
  authenticated = false;
  readonly createdAt: number;
  lastInteraction: number;
  lastCommand = "NULL";
  /** MULTI state: queued commands and whether a queueing error dooms EXEC. */
  transaction: { queue: QueuedCommand[]; aborted: boolean } | undefined;
  watched: WatchedKey[] = [];
  /** Set when a watched key was modified: the next EXEC fails. */
  watchInvalidated = false;
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();
  blocked: BlockedState | undefined;
  /** Commands received while blocked or paused; run in order once the client is free. */
  readonly pending: string[][] = [];
  replyMode: ReplyMode = "on";
  monitor = false;
  noEvict = false;
  noTouch = false;
  closing = false;
  /**
   * While EXEC runs, pushes to this client wait here so they can be placed among EXEC's
   * elements, where Redis writes them.
   */
  heldPushes: Reply[] | undefined;
  /** Set by RESET/QUIT paths and scripts: the command currently executing. */
  currentCommand: CommandSpec | undefined;

  constructor(
    readonly id: number,
    public db: Database,
    readonly transport: ClientTransport,
    now: number,
  ) {
    this.createdAt = now;
    this.lastInteraction = now;
  }

  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }

  /** In RESP2 a subscribed client may only run the subscribe family, PING, QUIT and RESET. */
  get inPubSubContext(): boolean {
    return this.protocol === 2 && this.subscriptionCount > 0;
  }

  /** Sends a command reply, honouring CLIENT REPLY OFF/SKIP. */
  reply(reply: Reply): void {
    if (this.replyMode === "off" || this.closing) return;
    if (this.replyMode === "skip") {
      this.replyMode = "on";
      return;
    }
    this.transport.write(reply, this);
  }

  /** Sends an out-of-band message (pub/sub, invalidation) even when replies are off. */
  push(reply: Reply): void {
    if (this.closing) return;
    if (this.heldPushes) this.heldPushes.push(reply);
    else this.transport.write(reply, this);
  }
}
