import { describe, expect, it } from "vitest";
import { getLesson } from "@/content";
import { SIMULATIONS, simulationsForLesson } from "./catalog";

describe("simulation catalog", () => {
  it("links every simulation to a lesson that exists, with unique ids", () => {
    for (const s of SIMULATIONS) {
      const [moduleSlug, lessonSlug] = s.lesson.split("/");
      expect(getLesson(moduleSlug!, lessonSlug!), s.lesson).toBeDefined();
    }
    expect(new Set(SIMULATIONS.map((s) => s.id)).size).toBe(SIMULATIONS.length);
    expect(simulationsForLesson("cluster", "slots-and-hash-tags").map((s) => s.id)).toEqual(["hash-slots"]);
  });
});
