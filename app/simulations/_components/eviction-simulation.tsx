"use client";

import { useState, useTransition } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { compareEvictionAction, type EvictionComparison } from "../actions";
import { chartColors, Choice, Slider } from "./controls";

type Pattern = "scan" | "shift";

export function EvictionSimulation() {
  const [pattern, setPattern] = useState<Pattern>("scan");
  const [hotKeys, setHotKeys] = useState(100);
  const [hotReads, setHotReads] = useState(20);
  const [newKeys, setNewKeys] = useState(300);
  const [room, setRoom] = useState(60);
  const [result, setResult] = useState<EvictionComparison | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () => startTransition(async () => setResult(await compareEvictionAction({ pattern, hotKeys, hotReads, newKeys, roomForKeys: room })));

  const ok = result?.ok ? result : null;
  const tracked = pattern === "scan" ? "hotSurviving" : "newSurviving";
  const data = ok ? ok.lru.checkpoints.map((c, i) => ({ written: c.written, lru: c[tracked], lfu: ok.lfu.checkpoints[i]![tracked] })) : [];
  const last = (run: { checkpoints: { hotSurviving: number; newSurviving: number }[] }) => run.checkpoints[run.checkpoints.length - 1]!;
  return (
    <div className="sim">
      <div className="sim-controls">
        <Choice<Pattern>
          label="Access pattern"
          value={pattern}
          onChange={setPattern}
          options={[
            { value: "scan", label: "Hot set, then a one-off scan of new keys" },
            { value: "shift", label: "Hot set, then traffic moves to new keys" },
          ]}
        />
        <Slider label="Hot keys" value={hotKeys} min={10} max={500} step={10} onChange={setHotKeys} />
        <Slider label="Reads per hot key" value={hotReads} min={1} max={50} onChange={setHotReads} />
        <Slider label="New keys written" value={newKeys} min={50} max={2000} step={50} onChange={setNewKeys} />
        <Slider label="maxmemory: room for extra keys" value={room} min={10} max={1000} step={10} onChange={setRoom} />
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={run} disabled={pending}>
          {pending ? "Running on the engine…" : "Run LRU and LFU on the engine"}
        </button>
      </div>
      <div aria-live="polite">
        {result && !result.ok && <p className="alert alert--error">{result.error}</p>}
        {ok && (
          <p className="sim-headline" data-testid="eviction-summary">
            {pattern === "scan" ? "Hot keys" : "New keys"} still cached at the end: <strong>{last(ok.lru)[tracked]}</strong> with allkeys-lru,{" "}
            <strong>{last(ok.lfu)[tracked]}</strong> with allkeys-lfu ({ok.lru.evicted} and {ok.lfu.evicted} evictions).
          </p>
        )}
      </div>
      {ok && (
        <figure className="sim-chart">
          <figcaption className="visually-hidden">{`${pattern === "scan" ? "Hot" : "New"} keys still cached as new keys are written, LRU versus LFU`}</figcaption>
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={data}>
              <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
              <XAxis dataKey="written" type="number" stroke={chartColors.text} />
              <YAxis stroke={chartColors.text} width={50} />
              <Tooltip />
              <Legend />
              <Line dataKey="lru" name={`${pattern === "scan" ? "Hot" : "New"} keys cached, allkeys-lru`} stroke={chartColors.a} dot={false} isAnimationActive={false} />
              <Line dataKey="lfu" name={`${pattern === "scan" ? "Hot" : "New"} keys cached, allkeys-lfu`} stroke={chartColors.b} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
    </div>
  );
}
