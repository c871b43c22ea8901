"use client";

import { useState } from "react";
import { planCapacity } from "@/labs/simulations/capacity";
import { formatBytes, Slider } from "./controls";

export function CapacityCalculator() {
  const [itemsM, setItemsM] = useState(2);
  const [valueKb, setValueKb] = useState(10);
  const [masters, setMasters] = useState(5);
  const [replicas, setReplicas] = useState(1);
  const [fragmentation, setFragmentation] = useState(1.2);
  const [kops, setKops] = useState(200);
  const [readsFromReplicas, setReadsFromReplicas] = useState(false);
  const plan = planCapacity({
    items: itemsM * 1e6, valueBytes: valueKb * 1000, keyBytes: 30, overheadBytesPerKey: 70, masters, replicasPerMaster: replicas,
    fragmentation, maxmemoryShareOfRam: 0.5, peakOpsPerSecond: kops * 1000, readShare: 0.8, readsFromReplicas,
  });
  return (
    <div className="sim">
      <div className="sim-controls">
        <Slider label="Items" value={itemsM} min={0.5} max={100} step={0.5} unit="million" onChange={setItemsM} />
        <Slider label="Average value" value={valueKb} min={0.1} max={100} step={0.1} unit="KB" onChange={setValueKb} />
        <Slider label="Masters" value={masters} min={1} max={20} onChange={setMasters} />
        <Slider label="Replicas per master" value={replicas} min={0} max={3} onChange={setReplicas} />
        <Slider label="Fragmentation ratio" value={fragmentation} min={1} max={2} step={0.05} onChange={setFragmentation} />
        <Slider label="Peak traffic" value={kops} min={10} max={2000} step={10} unit="k ops/s (80% reads)" onChange={setKops} />
        <label className="sim-check">
          <input type="checkbox" checked={readsFromReplicas} onChange={(e) => setReadsFromReplicas(e.target.checked)} /> Serve reads from replicas too
        </label>
      </div>
      <dl className="sim-results" aria-live="polite">
        <div><dt>Raw data (keys + values)</dt><dd>{formatBytes(plan.dataBytes)}</dd></div>
        <div><dt>+ per-key overhead (~70 B)</dt><dd>{formatBytes(plan.overheadBytes)}</dd></div>
        <div><dt>Per master</dt><dd data-testid="per-master">{formatBytes(plan.perMasterBytes)}</dd></div>
        <div><dt>maxmemory per master (× fragmentation)</dt><dd>{formatBytes(plan.maxmemoryPerMasterBytes)}</dd></div>
        <div><dt>RAM per machine (maxmemory ≤ 50%: fork copy-on-write, buffers)</dt><dd>{formatBytes(plan.ramPerMachineBytes)}</dd></div>
        <div><dt>Instances</dt><dd>{plan.instances} ({masters} masters + {masters * replicas} replicas)</dd></div>
        <div><dt>Ops/s per master</dt><dd>{Math.round(plan.opsPerMaster).toLocaleString("en")}</dd></div>
        <div><dt>Ops/s per replica (writes replayed{readsFromReplicas ? " + reads" : ""})</dt><dd>{Math.round(plan.opsPerReplica).toLocaleString("en")}</dd></div>
      </dl>
      {plan.opsPerMaster > 100_000 && <p className="alert alert--error">Over ~100k ops/s per master: add masters, pipeline, or spread reads.</p>}
    </div>
  );
}
