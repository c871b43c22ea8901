import type { Metadata } from "next";
import { ProgressBar } from "@/app/_components/progress-bar";
import { requireRole } from "@/app/_lib/auth";
import { formatDateTime } from "@/app/_lib/format";
import { getCohortSummaries } from "@/app/_lib/progress";

export const metadata: Metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const user = await requireRole("instructor", "/instructor");
  const cohorts = await getCohortSummaries(user);

  return (
    <div className="stack">
      <header>
        <h1>Instructor</h1>
        <p className="lede">
          {user.role === "admin" ? "Every cohort" : "The cohorts you teach"} and how far each member has got.
        </p>
      </header>
      {cohorts.length === 0 && <p className="card">You are not teaching any cohort yet.</p>}
      {cohorts.map((cohort) => (
        <section key={cohort.id} className="card" aria-labelledby={`cohort-${cohort.slug}`}>
          <h2 id={`cohort-${cohort.slug}`}>{cohort.name}</h2>
          <p className="muted">
            {cohort.members.length} member{cohort.members.length === 1 ? "" : "s"}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role</th>
                  <th scope="col">Lessons</th>
                  <th scope="col">Labs passed</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Last activity</th>
                </tr>
              </thead>
              <tbody>
                {cohort.members.map((member) => (
                  <tr key={member.userId}>
                    <td>
                      {member.name}
                      <br />
                      <span className="muted">{member.email}</span>
                    </td>
                    <td>{member.role}</td>
                    <td>{member.lessonsDone}</td>
                    <td>{member.labsPassed}</td>
                    <td className="cell-progress">
                      <ProgressBar label="Course" done={member.progress.done} total={member.progress.total} />
                    </td>
                    <td>{member.lastActivity ? formatDateTime(member.lastActivity) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
