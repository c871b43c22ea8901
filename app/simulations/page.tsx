import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { AvalancheSimulation } from "./_components/avalanche-simulation";
import { CapacityCalculator } from "./_components/capacity-calculator";
import { EvictionSimulation } from "./_components/eviction-simulation";
import { FsyncSimulation } from "./_components/fsync-simulation";
import { HashSlotCalculator } from "./_components/hash-slot-calculator";
import { HotKeySimulation } from "./_components/hot-key-simulation";
import { SIMULATIONS } from "./catalog";
import "./simulations.css";

export const metadata: Metadata = { title: "Simulations" };

const COMPONENTS: Record<string, () => ReactNode> = {
  "cache-avalanche": AvalancheSimulation,
  eviction: EvictionSimulation,
  "hash-slots": HashSlotCalculator,
  "hot-key": HotKeySimulation,
  fsync: FsyncSimulation,
  capacity: CapacityCalculator,
};

export default function SimulationsPage() {
  return (
    <div className="stack simulations">
      <header>
        <h1>Simulations</h1>
        <p className="lede">Play with the numbers interviewers ask about. Each simulation links back to the lesson that explains it.</p>
        <nav aria-label="Simulations on this page">
          <ul className="sim-toc">
            {SIMULATIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {SIMULATIONS.map(({ id, title, intro, lesson }) => {
        const Component = COMPONENTS[id]!;
        return (
        <section key={id} id={id} className="card" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="muted">
            {intro} <Link href={`/learn/${lesson}`}>Read the lesson</Link>.
          </p>
          <Component />
        </section>
        );
      })}
    </div>
  );
}
