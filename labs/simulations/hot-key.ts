/**
 * Load per cluster node when one key takes a large share of the traffic, and what each remedy
 * does to it (a model on the real slot map: keys are placed with keySlot). Pure.
 */
import { evenSlotRanges, keySlot, nodeForSlot } from "./hash-slot";

export type HotKeyRemedy = "none" | "read-replicas" | "key-copies" | "client-cache";

export interface HotKeyInput {
  masters: number;
  replicasPerMaster: number;
  totalOpsPerSecond: number;
  /** Share of all operations that hit the hot key (0..1). */
  hotShare: number;
  /** Share of the hot key's operations that are reads (0..1). */
  hotReadShare: number;
  hotKey: string;
  remedy: HotKeyRemedy;
  /** key-copies: number of copies (`<key>:copy:<i>`), each on its own slot. */
  copies: number;
  /** client-cache: share of hot reads served from the application's local cache. */
  clientHitRatio: number;
  /** Number of distinct background keys spread over the slots (`key:<i>`). */
  backgroundKeys?: number;
}

export interface NodeLoad {
  /** "M1", "M1-R1"... */
  node: string;
  master: number;
  /** 0 for the master, 1.. for its replicas. */
  replica: number;
  background: number;
  hot: number;
  total: number;
}

export interface HotKeyResult {
  nodes: NodeLoad[];
  hotSlot: number;
  hotMaster: number;
  /** Busiest node's load divided by the mean over nodes that serve traffic. */
  imbalance: number;
  /** Extra writes caused by the remedy (key copies write every copy). */
  writeAmplification: number;
}

export function simulateHotKey(input: HotKeyInput): HotKeyResult {
  const { masters, replicasPerMaster, totalOpsPerSecond, hotShare, hotReadShare, remedy } = input;
  if (masters < 1 || replicasPerMaster < 0 || hotShare < 0 || hotShare > 1 || hotReadShare < 0 || hotReadShare > 1) throw new RangeError("invalid hot key input");
  const ranges = evenSlotRanges(masters);
  const nodes: NodeLoad[] = [];
  for (let m = 0; m < masters; m++)
    for (let r = 0; r <= replicasPerMaster; r++) nodes.push({ node: r === 0 ? `M${m + 1}` : `M${m + 1}-R${r}`, master: m, replica: r, background: 0, hot: 0, total: 0 });
  const at = (master: number, replica: number) => nodes[master * (replicasPerMaster + 1) + replica]!;

  // Background traffic: evenly over many keys, placed on their real slots, served by masters.
  const backgroundKeys = input.backgroundKeys ?? 2000;
  const perKey = (totalOpsPerSecond * (1 - hotShare)) / backgroundKeys;
  for (let i = 0; i < backgroundKeys; i++) at(nodeForSlot(keySlot(`key:${i}`), ranges), 0).background += perKey;

  const hotOps = totalOpsPerSecond * hotShare;
  let hotReads = hotOps * hotReadShare;
  const hotWrites = hotOps - hotReads;
  const hotSlot = keySlot(input.hotKey);
  const hotMaster = nodeForSlot(hotSlot, ranges);
  let writeAmplification = 1;

  if (remedy === "client-cache") hotReads *= 1 - Math.min(1, Math.max(0, input.clientHitRatio));
  // Writes land on a master and are replayed by each of its replicas (the replication stream).
  const write = (master: number, ops: number) => {
    for (let r = 0; r <= replicasPerMaster; r++) at(master, r).hot += ops;
  };
  if (remedy === "key-copies") {
    const copies = Math.max(1, Math.floor(input.copies));
    writeAmplification = copies;
    for (let i = 0; i < copies; i++) {
      const master = nodeForSlot(keySlot(`${input.hotKey}:copy:${i}`), ranges);
      at(master, 0).hot += hotReads / copies;
      write(master, hotWrites);
    }
  } else if (remedy === "read-replicas" && replicasPerMaster > 0) {
    for (let r = 0; r <= replicasPerMaster; r++) at(hotMaster, r).hot += hotReads / (replicasPerMaster + 1);
    write(hotMaster, hotWrites);
  } else {
    at(hotMaster, 0).hot += hotReads;
    write(hotMaster, hotWrites);
  }
  // Background traffic is counted on the masters only: it is spread evenly and the same for every remedy.
  for (const n of nodes) n.total = n.background + n.hot;
  const serving = nodes.filter((n) => n.total > 0);
  const mean = serving.reduce((s, n) => s + n.total, 0) / Math.max(1, serving.length);
  const max = Math.max(...nodes.map((n) => n.total));
  return { nodes, hotSlot, hotMaster, imbalance: mean === 0 ? 1 : max / mean, writeAmplification };
}
