"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type HotKeyRemedy, simulateHotKey } from "@/labs/simulations/hot-key";
import { chartColors, Choice, Slider } from "./controls";

export function HotKeySimulation() {
  const [remedy, setRemedy] = useState<HotKeyRemedy>("none");
  const [hotShare, setHotShare] = useState(30);
  const [readShare, setReadShare] = useState(95);
  const [masters, setMasters] = useState(5);
  const [copies, setCopies] = useState(8);
  const [hitRatio, setHitRatio] = useState(90);
  const result = simulateHotKey({
    masters, replicasPerMaster: 1, totalOpsPerSecond: 500_000, hotShare: hotShare / 100, hotReadShare: readShare / 100,
    hotKey: "product:42", remedy, copies, clientHitRatio: hitRatio / 100,
  });
  const data = result.nodes.map((n) => ({ node: n.node, background: Math.round(n.background), hot: Math.round(n.hot) }));
  const busiest = result.nodes.reduce((a, b) => (b.total > a.total ? b : a));
  return (
    <div className="sim">
      <div className="sim-controls">
        <Choice<HotKeyRemedy>
          label="Remedy"
          value={remedy}
          onChange={setRemedy}
          options={[
            { value: "none", label: "None" },
            { value: "read-replicas", label: "Read from replicas" },
            { value: "key-copies", label: "Key copies on other slots" },
            { value: "client-cache", label: "Client-side cache" },
          ]}
        />
        <Slider label="Traffic on the hot key" value={hotShare} min={0} max={90} unit="% of 500k ops/s" onChange={setHotShare} />
        <Slider label="Reads among the hot key's operations" value={readShare} min={0} max={100} unit="%" onChange={setReadShare} />
        <Slider label="Masters (1 replica each)" value={masters} min={2} max={10} onChange={setMasters} />
        {remedy === "key-copies" && <Slider label="Copies" value={copies} min={2} max={32} onChange={setCopies} />}
        {remedy === "client-cache" && <Slider label="Local cache hit ratio" value={hitRatio} min={0} max={99} unit="%" onChange={setHitRatio} />}
      </div>
      <p className="sim-headline" aria-live="polite" data-testid="hot-key-busiest">
        Busiest node: <strong>{busiest.node}</strong> at {Math.round(busiest.total).toLocaleString("en")} ops/s,{" "}
        {result.imbalance.toFixed(1)}× the average. product:42 is in slot {result.hotSlot} on M{result.hotMaster + 1}
        {result.writeAmplification > 1 ? `; every write goes to ${result.writeAmplification} copies` : ""}.
      </p>
      <figure className="sim-chart">
        <figcaption className="visually-hidden">{`Operations per second per node; busiest ${busiest.node}`}</figcaption>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
            <XAxis dataKey="node" stroke={chartColors.text} />
            <YAxis stroke={chartColors.text} width={70} />
            <Tooltip />
            <Legend />
            <Bar dataKey="background" name="Other keys" stackId="a" fill={chartColors.b} isAnimationActive={false} />
            <Bar dataKey="hot" name="Hot key" stackId="a" fill={chartColors.a} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
