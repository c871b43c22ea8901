/**
 * npm run bench:grader — grading throughput and the runtime's footprint:
 *   - sandbox start time (spawn → ready, through every isolation layer);
 *   - 20 concurrent submissions of reference solutions (all labs, round-robin): latency p50/p95;
 *   - memory per idle learner engine, and for 1,000 idle learners (plus their idle CPU cost).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { gradeSolution } from "./grader/grade";
import { labs } from "./registry";
import { LearnerEnginePool } from "./runtime/engine-pool";
import { workerBundle } from "./sandbox/bundle";
import { WorkerPool } from "./sandbox/pool";
import { SandboxWorker } from "./sandbox/worker";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const CONCURRENT_SUBMISSIONS = 20;
const IDLE_LEARNERS = 1_000;

/** CPU seconds used by this process and by its reaped children (the sandbox workers), from /proc. */
function cpuSeconds(): { self: number; children: number } {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  const ticks = 100;
  return { self: (Number(fields[11]) + Number(fields[12])) / ticks, children: (Number(fields[13]) + Number(fields[14])) / ticks };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const rows: [string, string][] = [];
const report = (label: string, value: string) => {
  rows.push([label, value]);
  console.error(`  ${label}: ${value}`);
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function sandboxStart(): Promise<void> {
  const bundle = await workerBundle();
  const timings: number[] = [];
  for (let i = 0; i < 10; i++) {
    const worker = new SandboxWorker(bundle);
    await worker.ready;
    timings.push(worker.startupMs);
    worker.process.kill("SIGKILL");
    await worker.exited;
  }
  report("sandbox start (spawn → ready), p50 / p95 of 10", `${ms(percentile(timings, 50))} / ${ms(percentile(timings, 95))}`);
}

async function concurrentSubmissions(): Promise<void> {
  const pool = new WorkerPool({ idle: 8 });
  await pool.warm();
  const submissions = Array.from({ length: CONCURRENT_SUBMISSIONS }, (_, i) => labs[i % labs.length]!);
  const started = performance.now();
  const cpuBefore = cpuSeconds();
  const results = await Promise.all(
    submissions.map(async (lab) => {
      const source = readFileSync(path.join("labs", lab.slug, "reference.ts"), "utf8");
      const begun = performance.now();
      const verdict = await gradeSolution(lab, source, "submit", pool);
      const failures = verdict.tests.filter((test) => !test.passed).map((test) => `${test.name}: ${test.message}`);
      return { lab: lab.slug, latency: performance.now() - begun, score: verdict.score, wait: verdict.timings.sandboxWaitMs, failures };
    }),
  );
  const wall = performance.now() - started;
  await pool.close();
  const cpuAfter = cpuSeconds();
  const grader = cpuAfter.self - cpuBefore.self;
  const workers = cpuAfter.children - cpuBefore.children;
  report("CPU per submission: grader (parent) + sandbox workers", `${((grader / CONCURRENT_SUBMISSIONS) * 1000).toFixed(0)} ms + ${((workers / CONCURRENT_SUBMISSIONS) * 1000).toFixed(0)} ms`);
  const latencies = results.map((result) => result.latency);
  report(`${CONCURRENT_SUBMISSIONS} concurrent submissions: grading latency p50 / p95`, `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`);
  report(`${CONCURRENT_SUBMISSIONS} concurrent submissions: wall time for all`, ms(wall));
  report("  of which waiting for a sandbox worker, p50", ms(percentile(results.map((result) => result.wait), 50)));
  const imperfect = results.filter((result) => result.score !== 100);
  for (const result of imperfect) console.error(`  ${result.lab} below 100%:\n    ${result.failures.join("\n    ")}`);
  report("reference solutions scoring 100%", `${results.length - imperfect.length} / ${results.length}${imperfect.length ? ` (below: ${imperfect.map((r) => r.lab).join(", ")})` : ""}`);
  const perLab = new Map<string, number[]>();
  for (const result of results) perLab.set(result.lab, [...(perLab.get(result.lab) ?? []), result.latency]);
  for (const [lab, values] of perLab) report(`  latency under load: ${lab}`, values.map(ms).join(", "));
}

async function idleLearners(): Promise<void> {
  const pool = new LearnerEnginePool({ dataDir: "/nonexistent-bench-dir", idleMs: 3_600_000 });
  gc();
  const before = process.memoryUsage();
  const created: number[] = [];
  for (let i = 0; i < IDLE_LEARNERS; i++) {
    const started = performance.now();
    const engine = await pool.getLearnerEngine(`bench-learner-${i}`);
    created.push(performance.now() - started);
    // A typical playground: a handful of small keys.
    const client = engine.connect();
    await client.call("SET", "greeting", "hello");
    await client.call("HSET", "user:1", "name", "Ada", "plan", "pro");
    await client.call("RPUSH", "queue", "a", "b", "c");
    client.close();
  }
  gc();
  const after = process.memoryUsage();
  const heap = after.heapUsed - before.heapUsed;
  const rss = after.rss - before.rss;
  report("learner engine creation, p50 / p95", `${percentile(created, 50).toFixed(2)} ms / ${percentile(created, 95).toFixed(2)} ms`);
  report("memory per idle learner engine (JS heap, 3 small keys)", `${(heap / IDLE_LEARNERS / 1024).toFixed(0)} KB`);
  report(`memory for ${IDLE_LEARNERS} idle learners (JS heap / RSS growth)`, `${(heap / 1024 / 1024).toFixed(1)} MB / ${(rss / 1024 / 1024).toFixed(1)} MB`);
  const cpuBefore = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const cpu = process.cpuUsage(cpuBefore);
  report(`CPU used by ${IDLE_LEARNERS} idle engines in memory (their cron timers)`, `${(((cpu.user + cpu.system) / 1000 / 2_000) * 100).toFixed(0)}% of a core`);
  for (let i = 0; i < IDLE_LEARNERS; i++) await pool.resetLearnerEngine(`bench-learner-${i}`);
  await pool.close();
}

async function main(): Promise<void> {
  console.error("sandbox start…");
  await sandboxStart();
  console.error("concurrent submissions…");
  await concurrentSubmissions();
  console.error("idle learners…");
  await idleLearners();
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nload average at the end: ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  console.log(`\n${"measure".padEnd(width)} | value\n${"-".repeat(width)}-|------`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)} | ${value}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
