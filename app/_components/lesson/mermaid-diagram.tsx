"use client";

import { useEffect, useId, useState } from "react";

/** A ```mermaid block: the source is shown until the (lazily loaded) Mermaid renders it as SVG. */
export function MermaidDiagram({ source }: { source: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const dark =
      document.documentElement.dataset.theme === "dark" ||
      (!document.documentElement.dataset.theme && window.matchMedia("(prefers-color-scheme: dark)").matches);
    import("mermaid")
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
        const result = await mermaid.render(id, source);
        if (!cancelled) setSvg(result.svg);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [id, source]);

  if (svg) {
    return (
      <figure className="diagram" data-rendered="true">
        <div role="img" aria-label="Diagram (its source is below)" dangerouslySetInnerHTML={{ __html: svg }} />
        <details>
          <summary>Diagram source</summary>
          <pre>{source}</pre>
        </details>
      </figure>
    );
  }
  return (
    <figure className="diagram">
      <figcaption className="visually-hidden">{failed ? "Diagram source (could not be drawn)" : "Diagram source"}</figcaption>
      <pre tabIndex={0}>{source}</pre>
    </figure>
  );
}
