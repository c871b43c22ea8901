import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { Workspace } from "@/app/_components/workspace/workspace";
import { getCsrfToken, getCurrentUser } from "@/app/_lib/auth";
import { isLabSlug } from "@/app/_lib/labs-api";
import { getDraft, listSubmissions } from "@/app/_lib/labs-store";
import { getLab } from "@/labs";
import { commandNames } from "@/labs/console";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  return { title: isLabSlug(slug) ? getLab(slug).title : "Lab not found" };
}

export default async function LabPage({ params }: Params) {
  const { slug } = await params;
  if (!isLabSlug(slug)) notFound();
  const lab = getLab(slug);
  const user = await getCurrentUser();
  const statement = (
    <article className="card statement" aria-label="Lab statement">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeHighlight]}>
        {lab.statement}
      </ReactMarkdown>
      <p className="muted small">
        {lab.visibleTests.length} example tests, {lab.hiddenTestCount} more on submit.
      </p>
    </article>
  );

  const csrfToken = user ? await getCsrfToken() : null;
  if (!user || !csrfToken) {
    return (
      <div className="stack">
        <p>
          <Link href="/labs">← All labs</Link>
        </p>
        <div className="alert" role="note">
          <Link href={`/signin?next=${encodeURIComponent(`/labs/${slug}`)}`}>Sign in</Link> to open the editor, run your code against the tests and use your own engine.
        </div>
        {statement}
      </div>
    );
  }

  const [draft, submissions, names] = await Promise.all([getDraft(user.id, slug), listSubmissions(user.id, slug), commandNames()]);
  return (
    <div className="stack">
      <p>
        <Link href="/labs">← All labs</Link>
      </p>
      <Workspace
        slug={slug}
        starter={lab.starter}
        initialCode={draft?.code ?? lab.starter}
        hints={lab.hints}
        visibleTestCount={lab.visibleTests.length}
        testCount={lab.visibleTests.length + lab.hiddenTestCount}
        csrfToken={csrfToken}
        commandNames={names}
        initialSubmissions={submissions}
        statement={statement}
      />
    </div>
  );
}
