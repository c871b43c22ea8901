"use client";

import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { evenSlotRanges, hashedPart, keySlot, nodeForSlot } from "@/labs/simulations/hash-slot";
import { chartColors, Slider } from "./controls";

/** Keys → slots → masters, with hash tags, on an evenly split cluster. */
export function HashSlotCalculator() {
  const [text, setText] = useState("user:1000\nuser:2000\n{user:1000}:cart\norder:{42}:items\n{}session:9");
  const [masters, setMasters] = useState(3);
  const ranges = useMemo(() => evenSlotRanges(masters), [masters]);
  const keys = text.split("\n").map((k) => k.trim()).filter(Boolean).slice(0, 50);
  const rows = keys.map((key) => {
    const slot = keySlot(key);
    return { key, slot, node: nodeForSlot(slot, ranges), ...hashedPart(key) };
  });
  const perNode = ranges.map((r) => ({ node: `M${r.node + 1}`, keys: rows.filter((row) => row.node === r.node).length }));

  return (
    <div className="sim">
      <div className="sim-controls">
        <div className="sim-control">
          <label htmlFor="slot-keys">Keys, one per line</label>
          <textarea id="slot-keys" rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </div>
        <Slider label="Masters" value={masters} min={1} max={10} onChange={setMasters} />
      </div>
      <div className="table-wrap">
        <table className="sim-table" aria-label="Slot of each key">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Hashed part</th>
              <th scope="col">Slot</th>
              <th scope="col">Master</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td><code>{row.key}</code></td>
                <td><code>{row.part}</code>{row.tagged ? " (hash tag)" : ""}</td>
                <td data-testid="slot">{row.slot}</td>
                <td>M{row.node + 1} ({ranges[row.node]!.from}–{ranges[row.node]!.to})</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figure className="sim-chart">
        <figcaption className="visually-hidden">{`Keys per master: ${perNode.map((n) => `${n.node} ${n.keys}`).join(", ")}`}</figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={perNode}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" />
            <XAxis dataKey="node" stroke={chartColors.text} />
            <YAxis allowDecimals={false} stroke={chartColors.text} />
            <Tooltip />
            <Bar dataKey="keys" name="Keys" fill={chartColors.a} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
