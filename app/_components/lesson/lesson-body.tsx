import type { ComponentProps, ReactElement } from "react";
import Markdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { getLessonSnippets, type Lesson } from "@/content";
import { MermaidDiagram } from "./mermaid-diagram";
import { rehypeLessonBlocks } from "./rehype-lesson-blocks";
import { RedisSnippet } from "./redis-snippet";
import "./lesson.css";

/**
 * A lesson's Markdown as React elements: GFM, highlight.js classes on code, runnable ```redis
 * snippets and Mermaid diagrams. Lessons are immutable for the life of the process, so each one
 * is converted once and the element tree reused by every request (it holds no per-user data;
 * snippets read the viewer from LessonViewerProvider).
 */
const rendered = new Map<string, ReactElement>();

export function LessonBody({ lesson }: { lesson: Lesson }) {
  let tree = rendered.get(key(lesson));
  if (!tree) {
    tree = renderLesson(lesson);
    rendered.set(key(lesson), tree);
  }
  return <div className="lesson-body">{tree}</div>;
}

function renderLesson(lesson: Lesson): ReactElement {
  const snippets = getLessonSnippets(lesson.moduleSlug, lesson.slug);
  const Pre = ({ node: _node, ...props }: ComponentProps<"pre"> & { node?: unknown }) => {
    const data = props as Record<string, unknown>;
    if (data["data-snippet"] !== undefined) {
      const snippet = snippets[Number(data["data-snippet"])];
      if (!snippet) throw new Error(`${key(lesson)}: redis block without a parsed snippet`);
      return (
        <RedisSnippet
          moduleSlug={lesson.moduleSlug}
          lessonSlug={lesson.slug}
          index={snippet.index}
          cluster={snippet.requires.includes("cluster")}
          steps={snippet.steps.map(({ command, reply }) => ({ command, reply }))}
        />
      );
    }
    if (typeof data["data-mermaid"] === "string") return <MermaidDiagram source={data["data-mermaid"]} />;
    return <pre {...props} tabIndex={0} />;
  };
  return Markdown({
    children: lesson.body,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeLessonBlocks, [rehypeHighlight, { plainText: ["redis", "mermaid", "text", "txt"] }]],
    components: {
      pre: Pre,
      table: ({ node: _node, ...props }) => (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Table">
          <table {...props} />
        </div>
      ),
    },
  }) as ReactElement;
}

const key = (lesson: Lesson) => `${lesson.moduleSlug}/${lesson.slug}`;
