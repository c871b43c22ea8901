import { describe, expect, it } from "vitest";
import { hasRole, isRole } from "./roles";

describe("roles", () => {
  it("rank learner < instructor < admin", () => {
    expect(hasRole("learner", "learner")).toBe(true);
    expect(hasRole("learner", "instructor")).toBe(false);
    expect(hasRole("instructor", "instructor")).toBe(true);
    expect(hasRole("instructor", "admin")).toBe(false);
    expect(hasRole("admin", "instructor")).toBe(true);
  });

  it("give unknown roles nothing", () => {
    expect(isRole("superuser")).toBe(false);
    expect(hasRole("superuser", "learner")).toBe(false);
  });
});
