/**
 * Capacity planning for a Redis deployment (pure): memory per master, machine size and QPS per
 * node from the dataset and traffic. The factors are the usual rules of thumb, shown to the
 * learner so each step of the arithmetic is visible.
 */
export interface CapacityInput {
  items: number;
  /** Average value size in bytes. */
  valueBytes: number;
  /** Average key size in bytes. */
  keyBytes: number;
  /** Per-key overhead of the dictionary entry, object header and expiry (≈ 50–90 bytes). */
  overheadBytesPerKey: number;
  masters: number;
  replicasPerMaster: number;
  /** Expected allocator fragmentation ratio (used / logical), e.g. 1.2. */
  fragmentation: number;
  /** Fraction of the machine's RAM given to maxmemory (the rest: fork copy-on-write, buffers, OS). */
  maxmemoryShareOfRam: number;
  peakOpsPerSecond: number;
  /** Read share of the traffic (0..1): reads may be spread over replicas. */
  readShare: number;
  readsFromReplicas: boolean;
}

export interface CapacityResult {
  dataBytes: number;
  overheadBytes: number;
  totalBytes: number;
  perMasterBytes: number;
  maxmemoryPerMasterBytes: number;
  ramPerMachineBytes: number;
  instances: number;
  opsPerMaster: number;
  opsPerReplica: number;
}

export const GB = 1e9;

export function planCapacity(input: CapacityInput): CapacityResult {
  const { items, valueBytes, keyBytes, overheadBytesPerKey, masters, replicasPerMaster, fragmentation, maxmemoryShareOfRam } = input;
  if (masters < 1 || replicasPerMaster < 0 || fragmentation < 1 || maxmemoryShareOfRam <= 0 || maxmemoryShareOfRam > 1)
    throw new RangeError("invalid capacity input");
  const dataBytes = items * (valueBytes + keyBytes);
  const overheadBytes = items * overheadBytesPerKey;
  const totalBytes = dataBytes + overheadBytes;
  const perMasterBytes = totalBytes / masters;
  const maxmemoryPerMasterBytes = perMasterBytes * fragmentation;
  const ramPerMachineBytes = maxmemoryPerMasterBytes / maxmemoryShareOfRam;
  const reads = input.peakOpsPerSecond * input.readShare;
  const writes = input.peakOpsPerSecond - reads;
  const readCopies = input.readsFromReplicas ? 1 + replicasPerMaster : 1;
  const opsPerMaster = (writes + reads / readCopies) / masters;
  const opsPerReplica = replicasPerMaster === 0 ? 0 : (writes + (input.readsFromReplicas ? reads / readCopies : 0)) / masters;
  return {
    dataBytes,
    overheadBytes,
    totalBytes,
    perMasterBytes,
    maxmemoryPerMasterBytes,
    ramPerMachineBytes,
    instances: masters * (1 + replicasPerMaster),
    opsPerMaster,
    opsPerReplica,
  };
}
