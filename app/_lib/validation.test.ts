import { describe, expect, it } from "vitest";
import { changePasswordSchema, fieldErrorsOf, formValues, safeReturnPath, signInSchema, signUpSchema } from "./validation";

const validSignUp = { name: " Ada ", email: " Ada@Example.COM ", password: "0123456789", confirmPassword: "0123456789" };

describe("signUpSchema", () => {
  it("normalises a valid sign-up", () => {
    expect(signUpSchema.parse(validSignUp)).toEqual({ ...validSignUp, name: "Ada", email: "ada@example.com" });
  });

  it("reports every problem on its own field", () => {
    const result = signUpSchema.safeParse({ name: "  ", email: "nope", password: "short", confirmPassword: "other" });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.name).toEqual(["Enter your name."]);
    expect(errors.email?.[0]).toMatch(/valid email/);
    expect(errors.password).toEqual(["Use at least 10 characters."]);
    expect(errors.confirmPassword).toEqual(["The passwords do not match."]);
  });

  it("accepts exactly 10 characters and refuses 9", () => {
    expect(signUpSchema.safeParse({ ...validSignUp, password: "x".repeat(10), confirmPassword: "x".repeat(10) }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...validSignUp, password: "x".repeat(9), confirmPassword: "x".repeat(9) }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("needs an email and a password", () => {
    const result = signInSchema.safeParse({ email: "", password: "" });
    const errors = fieldErrorsOf(result.error!);
    expect(errors.email).toEqual(["Enter your email address."]);
    expect(errors.password).toEqual(["Enter your password."]);
  });
});

describe("changePasswordSchema", () => {
  it("wants a new password that differs from the current one and is confirmed", () => {
    const same = changePasswordSchema.safeParse({ currentPassword: "0123456789", newPassword: "0123456789", confirmPassword: "0123456789" });
    expect(fieldErrorsOf(same.error!).newPassword).toEqual(["Choose a password different from the current one."]);
    const unconfirmed = changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "0123456789", confirmPassword: "x" });
    expect(fieldErrorsOf(unconfirmed.error!).confirmPassword).toEqual(["The passwords do not match."]);
  });
});

describe("formValues", () => {
  it("keeps only the named string fields, empty when absent", () => {
    const form = new FormData();
    form.set("email", "a@b.c");
    form.set("role", "admin");
    form.set("name", new Blob(["x"]));
    expect(formValues(form, ["email", "name", "password"] as const)).toEqual({ email: "a@b.c", name: "", password: "" });
  });
});

describe("safeReturnPath", () => {
  it("allows same-site paths only", () => {
    expect(safeReturnPath("/course?x=1")).toBe("/course?x=1");
    expect(safeReturnPath("https://evil.example")).toBe("/dashboard");
    expect(safeReturnPath("//evil.example")).toBe("/dashboard");
    expect(safeReturnPath("/\\evil.example")).toBe("/dashboard");
    expect(safeReturnPath(null, "/signin")).toBe("/signin");
  });
});
