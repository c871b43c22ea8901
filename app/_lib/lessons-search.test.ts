import { describe, expect, it } from "vitest";
import { getCourse, getLesson } from "@/content";
import { buildDocuments, excerpt, LessonSearchIndex, markdownToText, type SearchDocument, tokenize } from "./lessons-search";

const doc = (lessonSlug: string, title: string, summary: string, text: string): SearchDocument => ({
  moduleSlug: "m",
  moduleTitle: "M",
  lessonSlug,
  title,
  summary,
  text,
});

describe("lesson search", () => {
  const index = new LessonSearchIndex([
    doc("a", "Eviction policies", "LRU and LFU compared", "When memory is full Redis evicts keys. allkeys-lru is common."),
    doc("b", "Persistence", "RDB and AOF", "The AOF fsync policy everysec loses up to a second. Eviction is unrelated."),
    doc("c", "Cluster slots", "CRC16 and hash tags", "Keys map to 16384 slots."),
  ]);

  it("ranks title matches above body matches", () => {
    expect(index.search("eviction").map((h) => h.lessonSlug)).toEqual(["a", "b"]);
  });

  it("requires every term, matches prefixes, ignores case and punctuation", () => {
    expect(index.search("EVICTION fsync!").map((h) => h.lessonSlug)).toEqual(["b"]);
    expect(index.search("persist").map((h) => h.lessonSlug)).toEqual(["b"]);
    expect(index.search("16384").map((h) => h.lessonSlug)).toEqual(["c"]);
    expect(index.search("zzz")).toEqual([]);
    expect(index.search("  ")).toEqual([]);
  });

  it("gives an excerpt around the first match", () => {
    const [hit] = index.search("fsync");
    expect(hit.excerpt).toContain("fsync policy everysec");
    expect(excerpt("x ".repeat(200) + "needle here", ["needle"])).toMatch(/^….*needle here$/);
  });

  it("turns Markdown into plain words", () => {
    expect(markdownToText("## Title\n\n```redis\n> GET k\n```\n[a **link**](https://x)")).toBe("Title GET k a link");
    expect(tokenize("allkeys-lru, 10 KB")).toEqual(["allkeys", "lru", "10", "kb"]);
  });

  it("finds real lessons in the course", () => {
    const course = new LessonSearchIndex(buildDocuments(getCourse(), getLesson));
    expect(course.search("hash tags")[0]).toMatchObject({ moduleSlug: "cluster", lessonSlug: "slots-and-hash-tags" });
    expect(course.search("fsync everysec").map((h) => h.moduleSlug)).toContain("persistence");
  });
});
