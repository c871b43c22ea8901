/**
 * Rehype plugin for lesson bodies: numbers the ```redis blocks (in document order, matching the
 * snippet indexes of content/index.ts) and marks ```mermaid blocks, so the renderer can swap
 * them for the runnable snippet and the diagram components. Runs before rehype-highlight.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";

function codeLanguage(pre: Element): string | null {
  const code = pre.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const classes = code?.properties?.className;
  if (!Array.isArray(classes)) return null;
  const lang = classes.map(String).find((c) => c.startsWith("language-"));
  return lang ? lang.slice("language-".length) : null;
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

export function rehypeLessonBlocks() {
  return (tree: Root) => {
    let snippet = 0;
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "pre") {
          const lang = codeLanguage(child);
          if (lang === "redis") child.properties = { ...child.properties, dataSnippet: snippet++ };
          else if (lang === "mermaid") child.properties = { ...child.properties, dataMermaid: textOf(child).trim() };
          continue;
        }
        walk(child);
      }
    };
    walk(tree);
  };
}
