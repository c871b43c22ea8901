/** The course as the site sees it: modules in suggested order, each with lessons and the labs that practise it. */
export interface LessonSummary {
  slug: string;
  title: string;
  summary: string;
  /** Suggested reading time in minutes. */
  minutes: number;
}

export interface CourseModule {
  slug: string;
  title: string;
  summary: string;
  order: number;
  lessons: LessonSummary[];
  /** Slugs of labs (in `labs/`) that practise this module. */
  labs: string[];
}

export interface QuizQuestion {
  id: string;
  prompt: string;
  kind: "choice" | "number";
  /** For "choice": the options shown. */
  options?: string[];
  /** Shown after answering. The correct answer itself stays on the server. */
  explanation: string;
}

export interface Lesson extends LessonSummary {
  moduleSlug: string;
  /** Markdown body without the front matter. */
  body: string;
  labs: string[];
}

// ---------------------------------------------------------------------------
// Additions for the content loader (content/index.ts). Everything above is the
// original contract; the types below only add to it.
// ---------------------------------------------------------------------------

/** Answer key of one question. Lives only on the server (see `gradeQuiz`). */
export type QuizAnswerKey =
  | { kind: "choice"; answer: number }
  | { kind: "number"; answer: number; tolerance: number };

/** A question as stored in a `*.quiz.yaml` file: the public part plus its answer key. */
export type QuizQuestionWithAnswer = QuizQuestion & QuizAnswerKey;

/**
 * A question as sent to the browser before it is answered: no answer key and no explanation
 * (explanations usually give the answer away; `gradeQuiz` returns them with the verdict).
 */
export type PublicQuizQuestion = Omit<QuizQuestion, "explanation">;

/** What the browser may see: questions without answers. */
export interface PublicQuiz {
  moduleSlug: string;
  lessonSlug: string;
  questions: PublicQuizQuestion[];
}

/** The learner's answers, keyed by question id: an option index for "choice", a number for "number". */
export type QuizAnswers = Record<string, number | string | null | undefined>;

export interface QuizQuestionResult {
  id: string;
  correct: boolean;
  /** Revealed only after answering, together with the explanation. */
  correctAnswer: number;
  explanation: string;
}

export interface QuizGradeResult {
  /** Number of correct answers. */
  score: number;
  total: number;
  results: QuizQuestionResult[];
}

/** One command of a `redis` snippet and the reply redis-cli prints for it. */
export interface SnippetStep {
  /** The command line as typed after `> `. */
  command: string;
  /** The command split into arguments with redis-cli's quoting rules. */
  args: string[];
  /** Expected reply lines, exactly as redis-cli prints them on a terminal. */
  reply: string[];
}

/** A ```redis fenced block from a lesson; each one runs against an empty database. */
export interface Snippet {
  moduleSlug: string;
  lessonSlug: string;
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 0-based index of the snippet inside its lesson. */
  index: number;
  /**
   * What the snippet needs beyond a plain standalone server, from the fence's info string
   * (```redis cluster → ["cluster"]: run it on a single-node cluster that owns all slots).
   */
  requires: string[];
  steps: SnippetStep[];
}
