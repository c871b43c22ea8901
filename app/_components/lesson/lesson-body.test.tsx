import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getCourse, getLesson, getLessonSnippets } from "@/content";
import { LessonBody } from "./lesson-body";

const lessons = getCourse().flatMap((m) => m.lessons.map((l) => getLesson(m.slug, l.slug)!));

describe("lesson Markdown pipeline", () => {
  it("renders every lesson with one runnable snippet per ```redis block, in order", () => {
    for (const lesson of lessons) {
      const html = renderToString(<LessonBody lesson={lesson} />);
      const indexes = [...html.matchAll(/data-snippet-index="(\d+)"/g)].map((m) => Number(m[1]));
      expect(indexes, `${lesson.moduleSlug}/${lesson.slug}`).toEqual(getLessonSnippets(lesson.moduleSlug, lesson.slug).map((s) => s.index));
      expect(html).not.toContain("language-redis");
    }
  });

  it("turns ```mermaid blocks into diagrams and highlights other code", () => {
    const html = lessons.map((lesson) => renderToString(<LessonBody lesson={lesson} />)).join("\n");
    const mermaidBlocks = lessons.reduce((n, l) => n + (l.body.match(/^```mermaid/gm) ?? []).length, 0);
    expect(mermaidBlocks).toBeGreaterThan(0);
    expect((html.match(/class="diagram"/g) ?? []).length).toBe(mermaidBlocks);
    expect(html).toContain('class="hljs');
    expect(html).toContain("<table");
  });
});
