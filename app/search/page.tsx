import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buildDocuments, LessonSearchIndex, MAX_QUERY_LENGTH } from "@/app/_lib/lessons-search";
import { getCourse, getLesson } from "@/content";
import "./search.css";

export const metadata: Metadata = { title: "Search lessons" };

let index: LessonSearchIndex | null = null;
const lessonIndex = () => (index ??= new LessonSearchIndex(buildDocuments(getCourse(), getLesson)));

const Query = z.string().trim().max(MAX_QUERY_LENGTH).catch("");

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const q = Query.parse(Array.isArray(raw) ? raw[0] : (raw ?? ""));
  const hits = q ? lessonIndex().search(q) : [];

  return (
    <div className="stack search-page">
      <header>
        <h1>Search lessons</h1>
        <form role="search" action="/search" method="get" className="search-form">
          <label htmlFor="search-q" className="visually-hidden">
            Search the lessons
          </label>
          <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} placeholder="e.g. hash tags, fsync, hot key" />
          <button type="submit" className="button">
            Search
          </button>
        </form>
      </header>
      {q && (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {hits.length === 0 ? `No lessons match “${q}”` : `${hits.length} lesson${hits.length === 1 ? "" : "s"} match “${q}”`}
          </h2>
          <ol className="plain-list stack">
            {hits.map((hit) => (
              <li key={`${hit.moduleSlug}/${hit.lessonSlug}`} className="card">
                <h3>
                  <Link href={`/learn/${hit.moduleSlug}/${hit.lessonSlug}`}>{hit.title}</Link>
                </h3>
                <p className="muted">{hit.moduleTitle}</p>
                <p>{hit.excerpt}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
