import { describe, expect, it } from "vitest";
import type { CourseModule } from "@/content/types";
import { computeCourseProgress } from "./progress";

const lesson = (slug: string) => ({ slug, title: slug, summary: "", minutes: 5 });
const course: CourseModule[] = [
  { slug: "basics", title: "Basics", summary: "", order: 1, lessons: [lesson("a"), lesson("b"), lesson("c")], labs: ["lab-1"] },
  { slug: "caching", title: "Caching", summary: "", order: 2, lessons: [lesson("a")], labs: [] },
];

describe("computeCourseProgress", () => {
  it("counts completed lessons and passed labs per module and overall", () => {
    const progress = computeCourseProgress(course, {
      completedLessons: [
        { moduleSlug: "basics", lessonSlug: "a" },
        { moduleSlug: "basics", lessonSlug: "c" },
      ],
      passedLabSlugs: ["lab-1"],
    });
    expect(progress.modules.map(({ done, total, percent }) => ({ done, total, percent }))).toEqual([
      { done: 3, total: 4, percent: 75 },
      { done: 0, total: 1, percent: 0 },
    ]);
    expect([...progress.modules[0].completedLessons]).toEqual(["a", "c"]);
    expect(progress).toMatchObject({ done: 3, total: 5, percent: 60 });
  });

  it("ignores progress on lessons or labs the course no longer has, and same-named lessons elsewhere", () => {
    const progress = computeCourseProgress(course, {
      completedLessons: [
        { moduleSlug: "basics", lessonSlug: "removed" },
        { moduleSlug: "gone", lessonSlug: "a" },
      ],
      passedLabSlugs: ["old-lab"],
    });
    expect(progress.done).toBe(0);
  });

  it("reports 0% for an empty course", () => {
    expect(computeCourseProgress([], { completedLessons: [], passedLabSlugs: [] })).toMatchObject({ done: 0, total: 0, percent: 0 });
  });
});
