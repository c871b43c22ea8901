"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type PersistencePolicy, simulateCrash } from "@/labs/simulations/fsync";
import { chartColors, Choice, Slider } from "./controls";

export function FsyncSimulation() {
  const [policy, setPolicy] = useState<PersistencePolicy>("everysec");
  const [writes, setWrites] = useState(5000);
  const [crashAt, setCrashAt] = useState(4.5);
  const [slowDisk, setSlowDisk] = useState(false);
  const { points, lost, windowSeconds } = simulateCrash({ policy, writesPerSecond: writes, crashAtSecond: crashAt, snapshotEverySeconds: 60, kernelFlushSeconds: 30, slowDisk }, 0.25);
  return (
    <div className="sim">
      <div className="sim-controls">
        <Choice<PersistencePolicy>
          label="Persistence"
          value={policy}
          onChange={setPolicy}
          options={[
            { value: "always", label: "appendfsync always" },
            { value: "everysec", label: "appendfsync everysec" },
            { value: "no", label: "appendfsync no (kernel flushes ~30 s)" },
            { value: "rdb", label: "RDB only (snapshot every 60 s)" },
          ]}
        />
        <Slider label="Writes" value={writes} min={100} max={50000} step={100} unit="per second" onChange={setWrites} />
        <Slider label="Power lost at" value={crashAt} min={0.5} max={90} step={0.25} unit="s" onChange={setCrashAt} />
        <label className="sim-check">
          <input type="checkbox" checked={slowDisk} onChange={(e) => setSlowDisk(e.target.checked)} /> Slow disk (fsync takes over 1 s)
        </label>
      </div>
      <p className="sim-headline" aria-live="polite" data-testid="fsync-lost">
        Acknowledged writes lost: <strong>{lost.toLocaleString("en")}</strong>
        {windowSeconds > 0 ? ` (up to ${windowSeconds} s of writes are at risk at any moment)` : " (fsync before every reply)"}
      </p>
      <figure className="sim-chart">
        <figcaption className="visually-hidden">{`Acknowledged versus durable writes until the crash at ${crashAt} s: ${lost} lost`}</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
            <XAxis dataKey="second" type="number" unit=" s" stroke={chartColors.text} />
            <YAxis stroke={chartColors.text} width={70} />
            <Tooltip />
            <Legend />
            <Line type="stepAfter" dataKey="acknowledged" name="Acknowledged to clients" stroke={chartColors.a} dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="durable" name="On disk (fsynced)" stroke={chartColors.c} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
