import { z } from "zod";

/** Source size a draft or submission may have. */
export const MAX_CODE_LENGTH = 100_000;
const code = z.string().max(MAX_CODE_LENGTH, `Code is limited to ${MAX_CODE_LENGTH} characters.`);

export const runLabSchema = z.object({ code, mode: z.enum(["run", "submit"]) });
export const draftSchema = z.object({ code });
export const consoleSchema = z.object({ line: z.string().max(64 * 1024, "That line is too long.") });
export const emptyBodySchema = z.object({}).strict();
export const keysQuerySchema = z.object({
  cursor: z.string().regex(/^\d{1,20}$/).default("0"),
  match: z.string().max(256).default("*"),
});
export const valueQuerySchema = z.object({ key: z.string().min(1).max(1024) });
