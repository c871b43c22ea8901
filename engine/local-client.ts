/** In-process clients: trusted code (graders, the web app, tests) talking to an engine directly. */
import type { Client, ClientTransport } from "./client";
import type { Engine } from "./engine";
import { toBinary } from "./commands/args";
import { PushReply, type Reply } from "./protocol/reply";

export type Argument = string | Buffer | number;

/**
 * A connection without a socket. Replies arrive as Reply values, in order; pushes
 * (pub/sub messages, MONITOR lines) go to `onPush`.
 */
export class LocalClient implements ClientTransport {
  readonly kind = "local" as const;
  readonly localAddress: string;
  readonly client: Client;
  private readonly waiting: ((reply: Reply) => void)[] = [];
  private closed = false;
  onPush: ((message: Reply) => void) | undefined;

  constructor(
    private readonly engine: Engine,
    readonly remoteAddress = "local:0",
  ) {
    this.localAddress = remoteAddress;
    this.client = engine.createClient(this);
  }

  /** Sends one command; resolves with its reply (errors are ErrorReply values, not rejections). */
  call(...args: Argument[]): Promise<Reply> {
    if (this.closed) return Promise.reject(new Error("connection closed"));
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.engine.submit(this.client, args.map(toBinary));
    });
  }

  write(reply: Reply): void {
    const isPush = reply instanceof PushReply || (this.client.monitor && this.waiting.length === 0);
    if (isPush) {
      this.onPush?.(reply);
      return;
    }
    const resolve = this.waiting.shift();
    if (resolve) resolve(reply);
    else this.onPush?.(reply);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.engine.removeClient(this.client);
  }

  pendingOutputBytes(): number {
    return 0;
  }

  pendingInputBytes(): number {
    return 0;
  }
}
