import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LAB_SLUGS,
  fencedBlocks,
  getCourse,
  getLesson,
  getModule,
  getQuiz,
  gradeQuestions,
  gradeQuiz,
  listSnippets,
  loadContent,
  parseRedisSnippet,
  splitArgs,
} from "./index";

const EXPECTED_MODULES = 11;
const content = loadContent();
const labs = new Set<string>(LAB_SLUGS);

describe("course structure", () => {
  it(`has ${EXPECTED_MODULES} modules numbered 1..${EXPECTED_MODULES} in order`, () => {
    const course = getCourse();
    expect(course.map((m) => m.order)).toEqual(Array.from({ length: EXPECTED_MODULES }, (_, i) => i + 1));
  });

  it("has unique module slugs and unique lesson slugs inside each module", () => {
    const course = getCourse();
    expect(new Set(course.map((m) => m.slug)).size).toBe(course.length);
    for (const m of course) expect(new Set(m.lessons.map((l) => l.slug)).size).toBe(m.lessons.length);
  });

  it("gives every module a title, a summary and 3 to 5 lessons", () => {
    for (const m of getCourse()) {
      expect(m.title.length, m.slug).toBeGreaterThan(5);
      expect(m.summary.length, m.slug).toBeGreaterThan(40);
      expect(m.lessons.length, m.slug).toBeGreaterThanOrEqual(3);
      expect(m.lessons.length, m.slug).toBeLessThanOrEqual(5);
    }
  });

  it("gives every lesson valid front matter", () => {
    for (const m of getCourse()) {
      for (const s of m.lessons) {
        const l = getLesson(m.slug, s.slug)!;
        expect(l, `${m.slug}/${s.slug}`).toBeDefined();
        expect(l.title.length).toBeGreaterThan(5);
        expect(l.summary.length).toBeGreaterThan(30);
        expect(Number.isInteger(l.minutes) && l.minutes >= 1 && l.minutes <= 60).toBe(true);
        expect(Array.isArray(l.labs)).toBe(true);
        expect(l.body).not.toMatch(/^---/);
        expect(l.moduleSlug).toBe(m.slug);
      }
    }
  });

  it("only references known lab slugs, and every lab is practised somewhere", () => {
    const used = new Set<string>();
    for (const m of getCourse()) {
      for (const lab of m.labs) {
        expect(labs.has(lab), `${m.slug}: ${lab}`).toBe(true);
        used.add(lab);
      }
      for (const s of m.lessons) for (const lab of getLesson(m.slug, s.slug)!.labs) {
        expect(labs.has(lab), `${m.slug}/${s.slug}: ${lab}`).toBe(true);
        used.add(lab);
      }
    }
    expect([...labs].filter((l) => !used.has(l))).toEqual([]);
  });

  it("has an 'in an interview' box in every lesson", () => {
    for (const m of content.modules) for (const l of m.lessonsFull) {
      expect(l.body, l.file).toMatch(/> \*\*How to say it in an interview\*\*/);
    }
  });

  it("returns undefined for unknown modules and lessons", () => {
    expect(getModule("nope")).toBeUndefined();
    expect(getLesson("foundations", "nope")).toBeUndefined();
    expect(getQuiz("nope", "nope")).toBeUndefined();
    expect(gradeQuiz("nope", "nope", {})).toBeUndefined();
  });
});

describe("quizzes", () => {
  it("has 3 to 5 well-formed questions per lesson", () => {
    for (const m of content.modules) for (const l of m.lessonsFull) {
      expect(l.quiz.length, l.file).toBeGreaterThanOrEqual(3);
      expect(l.quiz.length, l.file).toBeLessThanOrEqual(5);
      expect(new Set(l.quiz.map((q) => q.id)).size).toBe(l.quiz.length);
      for (const q of l.quiz) {
        expect(q.prompt.length, `${l.file} ${q.id}`).toBeGreaterThan(10);
        expect(q.explanation.length, `${l.file} ${q.id}`).toBeGreaterThan(20);
        if (q.kind === "choice") {
          expect(q.options!.length).toBeGreaterThanOrEqual(2);
          expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.options!.length, `${l.file} ${q.id}`).toBe(true);
        } else {
          expect(Number.isFinite(q.answer), `${l.file} ${q.id}`).toBe(true);
          expect(Number.isFinite(q.tolerance) && q.tolerance >= 0).toBe(true);
        }
      }
    }
  });

  it("does not always put the right option in the same position", () => {
    const positions = content.modules.flatMap((m) => m.lessonsFull.flatMap((l) => l.quiz.filter((q) => q.kind === "choice").map((q) => q.answer)));
    expect(new Set(positions).size).toBeGreaterThanOrEqual(3);
  });

  it("never sends answers or explanations to the browser", () => {
    for (const m of getCourse()) for (const s of m.lessons) {
      const quiz = getQuiz(m.slug, s.slug)!;
      const json = JSON.stringify(quiz);
      expect(json).not.toMatch(/"answer"|"tolerance"|"explanation"|"correct/);
      for (const q of quiz.questions) expect(Object.keys(q).sort()).toEqual(q.kind === "choice" ? ["id", "kind", "options", "prompt"] : ["id", "kind", "prompt"]);
    }
  });

  it("grades right answers as correct and wrong answers as wrong", () => {
    for (const m of content.modules) for (const l of m.lessonsFull) {
      const right = Object.fromEntries(l.quiz.map((q) => [q.id, q.answer]));
      const wrong = Object.fromEntries(
        l.quiz.map((q) => [q.id, q.kind === "choice" ? (q.answer + 1) % q.options!.length : q.answer + q.tolerance + Math.max(1, Math.abs(q.answer))]),
      );
      const good = gradeQuiz(m.slug, l.slug, right)!;
      expect(good.score, l.file).toBe(l.quiz.length);
      expect(good.total).toBe(l.quiz.length);
      expect(good.results.every((r) => r.correct && r.explanation.length > 0)).toBe(true);
      const bad = gradeQuiz(m.slug, l.slug, wrong)!;
      expect(bad.score, l.file).toBe(0);
      expect(gradeQuiz(m.slug, l.slug, {})!.score).toBe(0);
    }
  });

  it("applies numeric tolerance and accepts numeric strings", () => {
    const qs = [
      { id: "a", prompt: "p", kind: "number" as const, explanation: "e", answer: 100, tolerance: 5 },
      { id: "b", prompt: "p", kind: "choice" as const, options: ["x", "y"], explanation: "e", answer: 1 },
    ];
    expect(gradeQuestions(qs, { a: 104, b: "1" }).score).toBe(2);
    expect(gradeQuestions(qs, { a: "95", b: 1 }).score).toBe(2);
    expect(gradeQuestions(qs, { a: 106, b: 0 }).score).toBe(0);
    expect(gradeQuestions(qs, { a: "abc", b: "" }).score).toBe(0);
    expect(gradeQuestions(qs, { a: 100, b: 1 }).results.map((r) => r.correctAnswer)).toEqual([100, 1]);
  });
});

describe("redis snippets", () => {
  const snippets = listSnippets();

  it("exist in every module", () => {
    for (const m of content.modules) expect(snippets.some((s) => s.moduleSlug === m.slug), m.slug).toBe(true);
  });

  it("parse into command/reply pairs with plausible redis-cli replies", () => {
    const first = /^(OK|QUEUED|PONG|string|list|set|zset|hash|stream|none|\(nil\)|\(empty array\)|\(integer\) -?\d+|\(error\) [A-Z]+.*|".*"|\s*\d+\) .*)$/;
    for (const s of snippets) {
      expect(s.steps.length, `${s.file}:${s.line}`).toBeGreaterThan(0);
      for (const st of s.steps) {
        expect(st.args.length).toBeGreaterThan(0);
        expect(st.args[0], `${s.file}:${s.line}`).toMatch(/^[A-Za-z][A-Za-z.|-]*$/);
        expect(st.reply[0], `${s.file}:${s.line} ${st.command}`).toMatch(first);
        for (const line of st.reply.slice(1)) expect(line, `${s.file}:${s.line} ${st.command}`).toMatch(/^\s*\d+\) .*|^\s+.*/);
      }
    }
  });

  it("point at the line of their opening fence", () => {
    for (const s of snippets) {
      const lines = fs.readFileSync(path.join(process.cwd(), s.file), "utf8").split("\n");
      expect(lines[s.line - 1], `${s.file}:${s.line}`).toBe(["```redis", ...s.requires].join(" "));
    }
  });

  it("avoid nondeterministic commands", () => {
    // Replies of these change with time, randomness, hash seeds or connection ids.
    const banned = /^(KEYS|SCAN|HSCAN|SSCAN|ZSCAN|RANDOMKEY|SRANDMEMBER|SPOP|HRANDFIELD|ZRANDMEMBER|INFO|TIME|MONITOR|DEBUG|LASTSAVE|BGSAVE|BGREWRITEAOF|SAVE|OBJECT IDLETIME|SLOWLOG GET|LATENCY (HISTORY|DOCTOR|GRAPH|HISTOGRAM)|CLIENT (LIST|INFO|ID)|MEMORY (USAGE|STATS|DOCTOR))$/i;
    for (const s of snippets) for (const st of s.steps) {
      const name = st.args[0].toUpperCase();
      const two = `${name} ${(st.args[1] ?? "").toUpperCase()}`;
      expect(banned.test(name) || banned.test(two), `${s.file}:${s.line} ${st.command}`).toBe(false);
    }
  });

  it("use '*' stream IDs nowhere, so XADD replies are reproducible", () => {
    for (const s of snippets) for (const st of s.steps) {
      if (st.args[0].toUpperCase() === "XADD") expect(st.args, `${s.file}:${s.line}`).not.toContain("*");
    }
  });

  it("splits arguments like redis-cli", () => {
    expect(splitArgs(`SET "hello world" 'it\\'s' plain`)).toEqual(["SET", "hello world", "it's", "plain"]);
    expect(() => splitArgs(`SET 'a''b'`)).toThrow(/followed by a space/);
    expect(splitArgs(`SET k "a\\"b\\n"`)).toEqual(["SET", "k", 'a"b\n']);
    expect(splitArgs(`  GET   k  `)).toEqual(["GET", "k"]);
    expect(() => splitArgs(`GET "k`)).toThrow();
  });

  it("rejects malformed snippets", () => {
    expect(() => parseRedisSnippet(`OK\n> GET k`)).toThrow(/before any command/);
    expect(() => parseRedisSnippet(`> GET k`)).toThrow(/without a reply/);
    expect(() => parseRedisSnippet(`> GET k\n(nil)\n\n> GET j\n(nil)`)).toThrow(/blank line/);
    expect(parseRedisSnippet(`> SADD s a\n(integer) 1\n> SMEMBERS s\n1) "a"`)).toHaveLength(2);
  });

  it("finds fenced blocks with their languages", () => {
    const blocks = fencedBlocks("text\n```redis\n> PING\nPONG\n```\n\n```ts\nx\n```\n");
    expect(blocks.map((b) => [b.lang, b.line])).toEqual([["redis", 2], ["ts", 7]]);
    expect(fencedBlocks("```redis cluster\n> PING\nPONG\n```")[0].meta).toEqual(["cluster"]);
    expect(() => fencedBlocks("```redis\n> PING\n")).toThrow(/unclosed/);
  });
});

describe("content validation catches broken content", () => {
  let dir: string;
  const lesson = (fm: string, body = "Some body text. ".repeat(20)) => `---\n${fm}\n---\n\n${body}\n`;
  const quiz = `questions:\n${[1, 2, 3].map((i) => `  - id: q${i}\n    kind: choice\n    prompt: Which one is right?\n    options: [a, b]\n    answer: 1\n    explanation: Because b is the right one here.\n`).join("")}`;
  const write = (files: Record<string, string>) => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
  };
  const good = () => ({
    "01-m/module.yaml": "title: Module\nsummary: A module\nlabs: [leaderboard]\n",
    "01-m/01-l.md": lesson("title: Lesson\nsummary: A lesson\nminutes: 5\nlabs: []"),
    "01-m/01-l.quiz.yaml": quiz,
  });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("accepts a minimal valid module", () => {
    write(good());
    expect(loadContent(dir).modules[0].lessonsFull[0].slug).toBe("l");
  });
  it("rejects an unknown lab slug", () => {
    write({ ...good(), "01-m/module.yaml": "title: Module\nsummary: A module\nlabs: [no-such-lab]\n" });
    expect(() => loadContent(dir)).toThrow(/unknown lab slug/);
  });
  it("rejects missing front matter fields", () => {
    write({ ...good(), "01-m/01-l.md": lesson("title: Lesson\nminutes: 5") });
    expect(() => loadContent(dir)).toThrow(/summary/);
  });
  it("rejects an out-of-range answer index", () => {
    write({ ...good(), "01-m/01-l.quiz.yaml": quiz.replace("answer: 1", "answer: 2") });
    expect(() => loadContent(dir)).toThrow(/option index/);
  });
  it("rejects a non-finite numeric answer", () => {
    write({ ...good(), "01-m/01-l.quiz.yaml": quiz.replace("kind: choice\n    prompt: Which one is right?\n    options: [a, b]\n    answer: 1", "kind: number\n    prompt: How many?\n    answer: .inf") });
    expect(() => loadContent(dir)).toThrow(/finite/);
  });
  it("rejects a missing quiz", () => {
    const files: Record<string, string> = good();
    delete files["01-m/01-l.quiz.yaml"];
    write(files);
    expect(() => loadContent(dir)).toThrow(/missing quiz/);
  });
  it("rejects a malformed redis snippet and reports its line", () => {
    write({ ...good(), "01-m/01-l.md": lesson("title: Lesson\nsummary: A lesson\nminutes: 5", "Intro text. ".repeat(20) + "\n\n```redis\nGET k\n```\n") });
    expect(() => loadContent(dir)).toThrow(/01-l\.md:\d+: reply line before any command/);
  });
  it("rejects duplicate lesson slugs", () => {
    write({ ...good(), "01-m/02-l.md": good()["01-m/01-l.md"], "01-m/02-l.quiz.yaml": quiz });
    expect(() => loadContent(dir)).toThrow(/duplicate lesson slug/);
  });
});
