/** The simulations and the lesson each one illustrates (lesson pages link to theirs). */
export interface SimulationEntry {
  id: string;
  title: string;
  intro: string;
  /** `<module>/<lesson>` */
  lesson: string;
}

export const SIMULATIONS: SimulationEntry[] = [
  { id: "cache-avalanche", title: "Cache avalanche: TTL jitter", lesson: "cache-failure-modes/avalanche",
    intro: "Every key is cached at the same moment. Without jitter they all expire in the same second and the backend takes the whole read traffic at once. This one runs the real engine on a virtual clock on the server." },
  { id: "eviction", title: "Eviction: which keys survive, LRU vs LFU", lesson: "memory-and-eviction/lru-and-lfu-internals",
    intro: "The engine with maxmemory set, under allkeys-lru and allkeys-lfu, for an access pattern you choose: see which keys are still cached as new ones arrive." },
  { id: "hash-slots", title: "Hash slot calculator and slot map", lesson: "cluster/slots-and-hash-tags",
    intro: "CRC16 of the key (or of its hash tag) modulo 16384, and which master owns that slot when the slots are split evenly." },
  { id: "hot-key", title: "Hot key load across cluster nodes", lesson: "hot-keys/remedies",
    intro: "One key lives in one slot on one master. See how much of the cluster's traffic that node takes, and what each remedy moves where." },
  { id: "fsync", title: "fsync policy vs writes lost in a crash", lesson: "persistence/aof",
    intro: "A model of acknowledged versus durable writes when the machine loses power, for each AOF fsync policy and for RDB alone." },
  { id: "capacity", title: "Capacity calculator", lesson: "production-deployment/capacity-math",
    intro: "From items and value size to memory per master, machine RAM and operations per node." },
];

export function simulationsForLesson(moduleSlug: string, lessonSlug: string): SimulationEntry[] {
  return SIMULATIONS.filter((s) => s.lesson === `${moduleSlug}/${lessonSlug}`);
}
