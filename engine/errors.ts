import { ErrorReply } from "./protocol/reply";
import { WRONGTYPE } from "./object";

/** Redis's shared error replies, with their exact texts. */
export const errors = {
  syntax: new ErrorReply("ERR syntax error"),
  wrongType: new ErrorReply(WRONGTYPE),
  notInteger: new ErrorReply("ERR value is not an integer or out of range"),
  notFloat: new ErrorReply("ERR value is not a valid float"),
  noSuchKey: new ErrorReply("ERR no such key"),
  outOfRange: new ErrorReply("ERR index out of range"),
  overflow: new ErrorReply("ERR increment or decrement would overflow"),
  timeoutNotFloat: new ErrorReply("ERR timeout is not a float or out of range"),
  timeoutNegative: new ErrorReply("ERR timeout is negative"),
  invalidExpire: (command: string) => new ErrorReply(`ERR invalid expire time in '${command}' command`),
  wrongArity: (name: string) => new ErrorReply(`ERR wrong number of arguments for '${name}' command`),
  unknownSubcommand: (sub: string, container: string) =>
    new ErrorReply(`ERR unknown subcommand '${truncate(sub)}'. Try ${container.toUpperCase()} HELP.`),
  noAuth: new ErrorReply("NOAUTH Authentication required."),
  notPositive: (what: string) => new ErrorReply(`ERR ${what} must be positive`),
} as const;

/** Redis cuts user text at 128 chars in error messages. */
export function truncate(text: string): string {
  return text.length > 128 ? text.slice(0, 128) : text;
}

/** "ERR unknown command 'x', with args beginning with: 'a' 'b' " exactly as Redis words it. */
export function unknownCommand(argv: string[]): ErrorReply {
  let args = "";
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${truncate(argv[i]!).slice(0, 128 - args.length)}' `;
  }
  return new ErrorReply(`ERR unknown command '${truncate(argv[0]!)}', with args beginning with: ${args}`);
}

/** Thrown from deep inside a handler to answer with an error; the engine turns it into the reply. */
export class CommandError extends Error {
  constructor(readonly reply: ErrorReply) {
    super(reply.message);
  }
}

export function fail(reply: ErrorReply | string): never {
  throw new CommandError(typeof reply === "string" ? new ErrorReply(reply) : reply);
}
