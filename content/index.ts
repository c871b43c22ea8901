/**
 * Course content loader (server-side only: it uses Node's `fs`).
 *
 * Layout, relative to the repository root:
 *
 *   content/modules/<NN>-<module-slug>/module.yaml            title, summary, labs
 *   content/modules/<NN>-<module-slug>/<NN>-<lesson-slug>.md  front matter: title, summary, minutes, labs
 *   content/modules/<NN>-<module-slug>/<NN>-<lesson-slug>.quiz.yaml
 *
 * The numeric prefixes give the order; the slugs are the names without them.
 *
 * Paths are resolved from `process.cwd()`, so the app (Next.js, vitest, scripts) must be started
 * from the repository root. `__dirname` is not usable inside Next.js bundles. To load another
 * directory (tests, previews) set COURSE_CONTENT_DIR or call `loadContent(dir)` directly.
 *
 * Everything is read once and cached for the life of the process; `reloadContent()` drops the cache.
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import YAML from "yaml";
import type {
  CourseModule,
  Lesson,
  LessonSummary,
  PublicQuiz,
  QuizAnswers,
  QuizGradeResult,
  PublicQuizQuestion,
  QuizQuestionWithAnswer,
  Snippet,
  SnippetStep,
} from "./types";

export type * from "./types";

/** Labs that exist in the platform; lessons and modules may only reference these. */
export const LAB_SLUGS = [
  "rate-limiter-fixed-window",
  "rate-limiter-sliding-window",
  "token-bucket-lua",
  "leaderboard",
  "distributed-lock",
  "cache-aside-stampede",
  "cache-avalanche",
  "hot-key",
  "cache-penetration",
  "session-store",
  "stream-work-queue",
  "nearby-drivers",
  "unique-visitors-hll",
] as const;

/**
 * Flags allowed after ```redis. `cluster`: the snippet needs a server in cluster mode (CLUSTER
 * KEYSLOT, CROSSSLOT errors) and is checked against a single-node cluster owning all 16384 slots.
 */
export const SNIPPET_REQUIREMENTS = ["cluster"] as const;
export type SnippetRequirement = (typeof SNIPPET_REQUIREMENTS)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MODULE_DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

export interface LoadedLesson extends Lesson {
  order: number;
  /** Path relative to the content directory's parent (e.g. `content/modules/01-x/02-y.md`). */
  file: string;
  quiz: QuizQuestionWithAnswer[];
  snippets: Snippet[];
}

export interface LoadedModule extends CourseModule {
  dir: string;
  lessonsFull: LoadedLesson[];
}

export interface LoadedContent {
  modules: LoadedModule[];
}

export class ContentError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = "ContentError";
  }
}

export function defaultContentDir(): string {
  // turbopackIgnore: the directory is only known at run time; without the hint Turbopack traces
  // every file under the project root into the server bundle ("Dynamic filesystem access").
  return process.env.COURSE_CONTENT_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), "content", "modules");
}

// ---------------------------------------------------------------------------
// Small validators
// ---------------------------------------------------------------------------

function str(v: unknown, where: string, field: string): string {
  if (typeof v !== "string" || v.trim() === "") throw new ContentError(where, `"${field}" must be a non-empty string`);
  return v.trim();
}

function labs(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ContentError(where, `"labs" must be a list`);
  const known = new Set<string>(LAB_SLUGS);
  const out: string[] = [];
  for (const item of v) {
    if (typeof item !== "string" || !known.has(item)) throw new ContentError(where, `unknown lab slug ${JSON.stringify(item)}`);
    if (out.includes(item)) throw new ContentError(where, `lab ${item} listed twice`);
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------------------
// redis-cli argument splitting (same rules as redis-cli / sdssplitargs)
// ---------------------------------------------------------------------------

/** Split a command line like redis-cli does: whitespace separated, "double" (with \n \xHH escapes) or 'single' quotes. */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = line.length;
  while (true) {
    while (i < n && /\s/.test(line[i])) i++;
    if (i >= n) return args;
    let cur = "";
    let inDq = false;
    let inSq = false;
    let done = false;
    while (!done) {
      const c = line[i];
      if (inDq) {
        if (i >= n) throw new Error(`unbalanced double quote in: ${line}`);
        if (c === "\\" && line[i + 1] === "x" && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === "\\" && i + 1 < n) {
          i++;
          const e = line[i];
          cur += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e === "b" ? "\b" : e === "a" ? "\x07" : e;
        } else if (c === '"') {
          if (i + 1 < n && !/\s/.test(line[i + 1])) throw new Error(`closing quote must be followed by a space in: ${line}`);
          done = true;
        } else {
          cur += c;
        }
      } else if (inSq) {
        if (i >= n) throw new Error(`unbalanced single quote in: ${line}`);
        if (c === "\\" && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (c === "'") {
          if (i + 1 < n && !/\s/.test(line[i + 1])) throw new Error(`closing quote must be followed by a space in: ${line}`);
          done = true;
        } else {
          cur += c;
        }
      } else if (i >= n || /\s/.test(c)) {
        done = true;
      } else if (c === '"') {
        inDq = true;
      } else if (c === "'") {
        inSq = true;
      } else {
        cur += c;
      }
      if (i < n) i++;
    }
    args.push(cur);
  }
}

// ---------------------------------------------------------------------------
// Markdown: fenced blocks and redis snippets
// ---------------------------------------------------------------------------

export interface FencedBlock {
  lang: string;
  /** Words after the language in the info string, e.g. ["cluster"] for ```redis cluster. */
  meta: string[];
  /** 1-based line of the opening fence, counted in the text given. */
  line: number;
  content: string;
}

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  let open: { fence: string; lang: string; meta: string[]; line: number; body: string[] } | null = null;
  lines.forEach((l, idx) => {
    if (!open) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)([^`]*)$/.exec(l);
      if (m) open = { fence: m[1], lang: m[2].toLowerCase(), meta: m[3].trim().split(/\s+/).filter(Boolean), line: idx + 1, body: [] };
    } else {
      const t = l.trim();
      if (t.startsWith(open.fence[0].repeat(open.fence.length)) && /^[`~]+$/.test(t)) {
        blocks.push({ lang: open.lang, meta: open.meta, line: open.line, content: open.body.join("\n") });
        open = null;
      } else {
        open.body.push(l);
      }
    }
  });
  if (open) throw new Error(`unclosed code fence opened at line ${(open as { line: number }).line}`);
  return blocks;
}

/**
 * Parse a redis-cli session: every command line starts with `> `, the lines after it (up to the
 * next command) are its reply exactly as redis-cli prints it. Blank lines are not allowed, so a
 * reply can be compared byte for byte.
 */
export function parseRedisSnippet(text: string): SnippetStep[] {
  const steps: SnippetStep[] = [];
  const lines = text.replace(/\s+$/, "").split("\n");
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, "");
    if (line.startsWith("> ")) {
      const command = line.slice(2).trim();
      if (!command) throw new Error(`empty command line`);
      steps.push({ command, args: splitArgs(command), reply: [] });
    } else if (line === "") {
      throw new Error(`blank line inside a redis snippet`);
    } else {
      const last = steps[steps.length - 1];
      if (!last) throw new Error(`reply line before any command: ${JSON.stringify(line)}`);
      last.reply.push(line);
    }
  }
  if (steps.length === 0) throw new Error(`redis snippet without commands`);
  for (const s of steps) if (s.reply.length === 0) throw new Error(`command without a reply: ${s.command}`);
  return steps;
}

// ---------------------------------------------------------------------------
// Quizzes
// ---------------------------------------------------------------------------

function parseQuiz(text: string, where: string): QuizQuestionWithAnswer[] {
  const doc = YAML.parse(text) as unknown;
  const list = (doc as { questions?: unknown })?.questions;
  if (!Array.isArray(list)) throw new ContentError(where, `expected a "questions" list`);
  if (list.length < 3 || list.length > 5) throw new ContentError(where, `expected 3 to 5 questions, found ${list.length}`);
  const ids = new Set<string>();
  return list.map((q: Record<string, unknown>, i: number): QuizQuestionWithAnswer => {
    const w = `${where} question ${i + 1}`;
    if (!q || typeof q !== "object") throw new ContentError(w, "not a mapping");
    const id = str(q.id, w, "id");
    if (!SLUG.test(id)) throw new ContentError(w, `id ${JSON.stringify(id)} must be lowercase-with-dashes`);
    if (ids.has(id)) throw new ContentError(w, `duplicate id ${id}`);
    ids.add(id);
    const prompt = str(q.prompt, w, "prompt");
    const explanation = str(q.explanation, w, "explanation");
    if (q.kind === "choice") {
      const options = q.options;
      if (!Array.isArray(options) || options.length < 2 || options.some((o) => typeof o !== "string" || !o.trim()))
        throw new ContentError(w, `"options" must be a list of at least 2 non-empty strings`);
      if (new Set(options).size !== options.length) throw new ContentError(w, `duplicate options`);
      const answer = q.answer;
      if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 0 || answer >= options.length)
        throw new ContentError(w, `"answer" must be an option index between 0 and ${options.length - 1}`);
      return { id, prompt, kind: "choice", options: options as string[], explanation, answer };
    }
    if (q.kind === "number") {
      const answer = q.answer;
      const tolerance = q.tolerance ?? 0;
      if (typeof answer !== "number" || !Number.isFinite(answer)) throw new ContentError(w, `"answer" must be a finite number`);
      if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0)
        throw new ContentError(w, `"tolerance" must be a finite number >= 0`);
      if (q.options !== undefined) throw new ContentError(w, `number questions take no options`);
      return { id, prompt, kind: "number", explanation, answer, tolerance };
    }
    throw new ContentError(w, `"kind" must be "choice" or "number"`);
  });
}

/** Strip the answer key and the explanation (which usually gives the answer away): safe to send to the browser. */
export function publicQuestion(q: QuizQuestionWithAnswer): PublicQuizQuestion {
  const out: PublicQuizQuestion = { id: q.id, prompt: q.prompt, kind: q.kind };
  if (q.kind === "choice") out.options = [...q.options!];
  return out;
}

export function gradeQuestions(questions: QuizQuestionWithAnswer[], answers: QuizAnswers): QuizGradeResult {
  const results = questions.map((q) => {
    const raw = answers?.[q.id];
    const given = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : NaN;
    let correct = false;
    if (Number.isFinite(given)) {
      correct = q.kind === "choice" ? given === q.answer : Math.abs(given - q.answer) <= q.tolerance;
    }
    return { id: q.id, correct, correctAnswer: q.answer, explanation: q.explanation };
  });
  return { score: results.filter((r) => r.correct).length, total: results.length, results };
}

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

function readYaml(file: string, where: string): Record<string, unknown> {
  const doc = YAML.parse(fs.readFileSync(file, "utf8")) as unknown;
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new ContentError(where, "expected a YAML mapping");
  return doc as Record<string, unknown>;
}

function loadLesson(moduleSlug: string, moduleDir: string, fileName: string, relBase: string): LoadedLesson {
  const m = LESSON_FILE.exec(fileName)!;
  const order = Number(m[1]);
  const slug = m[2];
  const full = path.join(moduleDir, fileName);
  const file = `${relBase}/${fileName}`;
  const where = file;
  const source = fs.readFileSync(full, "utf8");
  if (!source.startsWith("---")) throw new ContentError(where, "missing front matter");
  const parsed = matter(source);
  const fm = parsed.data as Record<string, unknown>;
  const title = str(fm.title, where, "title");
  const summary = str(fm.summary, where, "summary");
  const minutes = fm.minutes;
  if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > 120)
    throw new ContentError(where, `"minutes" must be an integer between 1 and 120`);
  const lessonLabs = labs(fm.labs, where);
  const allowed = new Set(["title", "summary", "minutes", "labs"]);
  for (const k of Object.keys(fm)) if (!allowed.has(k)) throw new ContentError(where, `unknown front matter field "${k}"`);
  const body = parsed.content.replace(/^\s*\n/, "");
  if (body.trim().length < 200) throw new ContentError(where, "lesson body is too short");

  // Line numbers of the body inside the file, for snippet locations.
  const bodyOffset = source.endsWith(body) ? source.slice(0, source.length - body.length).split("\n").length - 1 : 0;
  let blocks: FencedBlock[];
  try {
    blocks = fencedBlocks(body);
  } catch (e) {
    throw new ContentError(where, (e as Error).message);
  }
  const snippets: Snippet[] = [];
  for (const b of blocks) {
    if (b.lang !== "redis") continue;
    let steps: SnippetStep[];
    try {
      steps = parseRedisSnippet(b.content);
    } catch (e) {
      throw new ContentError(`${where}:${b.line + bodyOffset}`, (e as Error).message);
    }
    const unknown = b.meta.filter((w) => !SNIPPET_REQUIREMENTS.includes(w as SnippetRequirement));
    if (unknown.length) throw new ContentError(`${where}:${b.line + bodyOffset}`, `unknown redis snippet flag(s): ${unknown.join(", ")}`);
    snippets.push({ moduleSlug, lessonSlug: slug, file, line: b.line + bodyOffset, index: snippets.length, requires: b.meta as SnippetRequirement[], steps });
  }

  const quizFile = full.replace(/\.md$/, ".quiz.yaml");
  if (!fs.existsSync(quizFile)) throw new ContentError(where, `missing quiz file ${path.basename(quizFile)}`);
  const quiz = parseQuiz(fs.readFileSync(quizFile, "utf8"), file.replace(/\.md$/, ".quiz.yaml"));

  return { slug, title, summary, minutes, moduleSlug, body, labs: lessonLabs, order, file, quiz, snippets };
}

/** Read and validate a content directory. Throws a ContentError naming the file on the first problem. */
export function loadContent(dir: string = defaultContentDir()): LoadedContent {
  if (!fs.existsSync(dir)) throw new ContentError(dir, "content directory not found (is the process running from the repository root?)");
  const relRoot = (path.relative(path.join(dir, "..", ".."), dir) || "modules").split(path.sep).join("/");
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const modules: LoadedModule[] = [];
  const moduleSlugs = new Set<string>();
  const moduleOrders = new Set<number>();
  for (const name of entries) {
    const m = MODULE_DIR.exec(name);
    if (!m) throw new ContentError(name, "module directories must be named <NN>-<slug>");
    const order = Number(m[1]);
    const slug = m[2];
    if (moduleSlugs.has(slug)) throw new ContentError(name, `duplicate module slug ${slug}`);
    if (moduleOrders.has(order)) throw new ContentError(name, `duplicate module number ${m[1]}`);
    moduleSlugs.add(slug);
    moduleOrders.add(order);
    const moduleDir = path.join(dir, name);
    // Labels for messages (`content/modules/01-x`), built as strings: Turbopack treats path.join on
    // run-time values as file access and would trace the whole project.
    const relBase = `${relRoot}/${name}`;
    const metaFile = path.join(moduleDir, "module.yaml");
    const where = `${relBase}/module.yaml`;
    if (!fs.existsSync(metaFile)) throw new ContentError(where, "missing module.yaml");
    const meta = readYaml(metaFile, where);
    const title = str(meta.title, where, "title");
    const summary = str(meta.summary, where, "summary");
    const moduleLabs = labs(meta.labs, where);

    const files = fs.readdirSync(moduleDir).sort();
    for (const f of files) {
      if (f === "module.yaml" || LESSON_FILE.test(f)) continue;
      const quizOf = f.replace(/\.quiz\.yaml$/, ".md");
      if (f.endsWith(".quiz.yaml") && files.includes(quizOf)) continue;
      throw new ContentError(`${relBase}/${f}`, "unexpected file (orphan quiz or misnamed lesson?)");
    }
    const lessonsFull = files.filter((f) => LESSON_FILE.test(f)).map((f) => loadLesson(slug, moduleDir, f, relBase));
    if (lessonsFull.length === 0) throw new ContentError(name, "module has no lessons");
    const lessonSlugs = new Set<string>();
    const lessonOrders = new Set<number>();
    for (const l of lessonsFull) {
      if (lessonSlugs.has(l.slug)) throw new ContentError(l.file, `duplicate lesson slug ${l.slug}`);
      if (lessonOrders.has(l.order)) throw new ContentError(l.file, `duplicate lesson number`);
      lessonSlugs.add(l.slug);
      lessonOrders.add(l.order);
    }
    const lessons: LessonSummary[] = lessonsFull.map((l) => ({ slug: l.slug, title: l.title, summary: l.summary, minutes: l.minutes }));
    modules.push({ slug, title, summary, order, lessons, labs: moduleLabs, dir: moduleDir, lessonsFull });
  }
  return { modules };
}

// ---------------------------------------------------------------------------
// Cached public API
// ---------------------------------------------------------------------------

let cache: LoadedContent | null = null;

function content(): LoadedContent {
  if (!cache) cache = loadContent();
  return cache;
}

/** Forget the cached content (tests, dev tooling). */
export function reloadContent(): void {
  cache = null;
}

function findLesson(moduleSlug: string, lessonSlug: string): LoadedLesson | undefined {
  return content().modules.find((m) => m.slug === moduleSlug)?.lessonsFull.find((l) => l.slug === lessonSlug);
}

/** Modules in order, with lesson summaries and the labs that practise each module. */
export function getCourse(): CourseModule[] {
  return content().modules.map((m) => ({
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    order: m.order,
    lessons: m.lessons.map((l) => ({ ...l })),
    labs: [...m.labs],
  }));
}

export function getModule(moduleSlug: string): CourseModule | undefined {
  return getCourse().find((m) => m.slug === moduleSlug);
}

export function getLesson(moduleSlug: string, lessonSlug: string): Lesson | undefined {
  const l = findLesson(moduleSlug, lessonSlug);
  if (!l) return undefined;
  return { slug: l.slug, title: l.title, summary: l.summary, minutes: l.minutes, moduleSlug: l.moduleSlug, body: l.body, labs: [...l.labs] };
}

/** The lesson before and after this one across the whole course (for "next lesson" links). */
export function getNeighbours(moduleSlug: string, lessonSlug: string): { prev?: { moduleSlug: string; lessonSlug: string }; next?: { moduleSlug: string; lessonSlug: string } } {
  const flat = content().modules.flatMap((m) => m.lessonsFull.map((l) => ({ moduleSlug: m.slug, lessonSlug: l.slug })));
  const i = flat.findIndex((x) => x.moduleSlug === moduleSlug && x.lessonSlug === lessonSlug);
  if (i < 0) return {};
  return { prev: flat[i - 1], next: flat[i + 1] };
}

/** Quiz questions WITHOUT answers or explanations: safe to send to the browser. Explanations come back from gradeQuiz. */
export function getQuiz(moduleSlug: string, lessonSlug: string): PublicQuiz | undefined {
  const l = findLesson(moduleSlug, lessonSlug);
  if (!l) return undefined;
  return { moduleSlug, lessonSlug, questions: l.quiz.map(publicQuestion) };
}

/**
 * Grade answers on the server. `answers` maps question id to an option index (choice) or a
 * number (number); strings holding numbers are accepted. Missing answers count as wrong.
 */
export function gradeQuiz(moduleSlug: string, lessonSlug: string, answers: QuizAnswers): QuizGradeResult | undefined {
  const l = findLesson(moduleSlug, lessonSlug);
  if (!l) return undefined;
  return gradeQuestions(l.quiz, answers);
}

/** The ```redis snippets of one lesson, in order (their `index` matches their position). */
export function getLessonSnippets(moduleSlug: string, lessonSlug: string): Snippet[] {
  return findLesson(moduleSlug, lessonSlug)?.snippets ?? [];
}

/** Every ```redis snippet of the course with its location and command/reply pairs. */
export function listSnippets(): Snippet[] {
  return content().modules.flatMap((m) => m.lessonsFull.flatMap((l) => l.snippets));
}
