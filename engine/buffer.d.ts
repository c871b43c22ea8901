// Node's Buffer has a fast latin1Slice (what toString("latin1", start, end) calls); it is
// stable but missing from @types/node. The engine uses it on every argument and reply.
declare module "buffer" {
  interface Buffer {
    latin1Slice(start?: number, end?: number): string;
  }
}
export {};
