"use client";

import { useState, useTransition } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type AvalancheComparison, compareAvalancheAction } from "../actions";
import { chartColors, Slider } from "./controls";

export function AvalancheSimulation() {
  const [keys, setKeys] = useState(1000);
  const [rps, setRps] = useState(200);
  const [ttl, setTtl] = useState(60);
  const [jitter, setJitter] = useState(30);
  const [duration, setDuration] = useState(120);
  const [result, setResult] = useState<AvalancheComparison | null>(null);
  const [pending, startTransition] = useTransition();
  const tooMany = rps * duration > 30_000;

  const run = () =>
    startTransition(async () => {
      setResult(await compareAvalancheAction({ keys, requestsPerSecond: rps, ttlSeconds: ttl, jitterSeconds: jitter, durationSeconds: duration }));
    });

  const ok = result?.ok ? result : null;
  const data = ok ? ok.withoutJitter.points.map((p, i) => ({ second: p.second, same: p.backend, jitter: ok.withJitter.points[i]!.backend })) : [];
  return (
    <div className="sim">
      <div className="sim-controls">
        <Slider label="Cached keys (all loaded at t = 0)" value={keys} min={100} max={5000} step={100} onChange={setKeys} />
        <Slider label="Requests" value={rps} min={10} max={1000} step={10} unit="per second" onChange={setRps} />
        <Slider label="TTL" value={ttl} min={5} max={300} step={5} unit="s" onChange={setTtl} />
        <Slider label="Jitter (random extra TTL)" value={jitter} min={0} max={300} step={5} unit="s" onChange={setJitter} />
        <Slider label="Simulated time" value={duration} min={30} max={300} step={10} unit="s" onChange={setDuration} />
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={run} disabled={pending || tooMany}>
          {pending ? "Running on the engine…" : "Run on the engine"}
        </button>
        {tooMany && <span className="muted">Keep requests × time under 30,000.</span>}
      </div>
      <div aria-live="polite">
        {result && !result.ok && <p className="alert alert--error">{result.error}</p>}
        {ok && (
          <p className="sim-headline" data-testid="avalanche-peaks">
            Peak backend load: <strong>{ok.withoutJitter.peak}</strong> queries/s with equal TTLs, <strong>{ok.withJitter.peak}</strong> with {jitter} s of jitter.
          </p>
        )}
      </div>
      {ok && (
        <figure className="sim-chart">
          <figcaption className="visually-hidden">{`Backend queries per second over ${duration} s: peak ${ok.withoutJitter.peak} without jitter, ${ok.withJitter.peak} with jitter`}</figcaption>
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={data}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
              <XAxis dataKey="second" type="number" unit=" s" stroke={chartColors.text} />
              <YAxis stroke={chartColors.text} width={60} />
              <Tooltip />
              <Legend />
              <Line dataKey="same" name="Same TTL for every key" stroke={chartColors.a} dot={false} isAnimationActive={false} />
              <Line dataKey="jitter" name={`TTL + 0–${jitter} s jitter`} stroke={chartColors.c} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
    </div>
  );
}
