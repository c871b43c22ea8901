/**
 * Ranked full-text search over the lessons: titles, summaries and bodies. Small enough to keep in
 * memory (40 lessons); the index is built once per process from the course content.
 *
 * Scoring per query term (every term must match somewhere): title hits weigh 8, summary hits 4,
 * body hits 1 each (capped at 10), a prefix match counts half; the whole query appearing as a
 * phrase in the title or body adds a bonus.
 */
import type { CourseModule, Lesson } from "@/content/types";

export interface SearchDocument {
  moduleSlug: string;
  moduleTitle: string;
  lessonSlug: string;
  title: string;
  summary: string;
  /** Body as plain text (Markdown syntax removed). */
  text: string;
}

export interface SearchHit {
  moduleSlug: string;
  moduleTitle: string;
  lessonSlug: string;
  title: string;
  summary: string;
  score: number;
  /** A short piece of the body around the first match. */
  excerpt: string;
}

export const MAX_QUERY_LENGTH = 200;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Markdown to searchable text: code fences keep their content, syntax characters go. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^(```|~~~).*$/gm, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function buildDocuments(course: CourseModule[], lessonOf: (moduleSlug: string, lessonSlug: string) => Lesson | undefined): SearchDocument[] {
  return course.flatMap((m) =>
    m.lessons.map((l) => ({
      moduleSlug: m.slug,
      moduleTitle: m.title,
      lessonSlug: l.slug,
      title: l.title,
      summary: l.summary,
      text: markdownToText(lessonOf(m.slug, l.slug)?.body ?? ""),
    })),
  );
}

interface IndexedDocument {
  doc: SearchDocument;
  title: string[];
  summary: string[];
  body: Map<string, number>;
  bodyWords: string[];
}

function count(words: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

export class LessonSearchIndex {
  private readonly docs: IndexedDocument[];

  constructor(documents: SearchDocument[]) {
    this.docs = documents.map((doc) => {
      const bodyTokens = tokenize(doc.text);
      const body = count(bodyTokens);
      return { doc, title: tokenize(doc.title), summary: tokenize(doc.summary), body, bodyWords: [...body.keys()] };
    });
  }

  search(query: string, limit = 20): SearchHit[] {
    const terms = [...new Set(tokenize(query.slice(0, MAX_QUERY_LENGTH)))].slice(0, 12);
    if (terms.length === 0) return [];
    const phrase = terms.length > 1 ? query.trim().toLowerCase().replace(/\s+/g, " ") : null;
    const hits: SearchHit[] = [];
    for (const d of this.docs) {
      let score = 0;
      let all = true;
      for (const term of terms) {
        const termScore =
          8 * fieldScore(d.title, term) + 4 * fieldScore(d.summary, term) + Math.min(10, bodyScore(d, term));
        if (termScore === 0) {
          all = false;
          break;
        }
        score += termScore;
      }
      if (!all) continue;
      if (phrase) {
        if (d.doc.title.toLowerCase().includes(phrase)) score += 20;
        else if (d.doc.text.toLowerCase().includes(phrase)) score += 8;
      }
      hits.push({
        moduleSlug: d.doc.moduleSlug,
        moduleTitle: d.doc.moduleTitle,
        lessonSlug: d.doc.lessonSlug,
        title: d.doc.title,
        summary: d.doc.summary,
        score,
        excerpt: excerpt(d.doc.text, terms),
      });
    }
    return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
  }
}

function fieldScore(words: string[], term: string): number {
  let score = 0;
  for (const w of words) if (w === term) score += 1;
  else if (term.length >= 3 && w.startsWith(term)) score += 0.5;
  return score;
}

function bodyScore(d: IndexedDocument, term: string): number {
  let score = d.body.get(term) ?? 0;
  if (term.length >= 3) for (const w of d.bodyWords) if (w !== term && w.startsWith(term)) score += 0.5 * d.body.get(w)!;
  return score;
}

/** About 160 characters of text around the first occurrence of any term, on word boundaries. */
export function excerpt(text: string, terms: string[], width = 160): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u"));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return text.slice(0, width).replace(/\s+\S*$/, "") + (text.length > width ? "…" : "");
  let start = Math.max(0, at - Math.floor(width / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + width);
  if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}
