"use client";

import { createContext, type ReactNode, useContext } from "react";

/** Who is reading the lesson: runnable snippets need a signed-in learner and a CSRF token. */
export interface LessonViewer {
  signedIn: boolean;
  csrfToken: string | null;
  /** Where "sign in" sends the visitor back to. */
  returnTo: string;
}

const ViewerContext = createContext<LessonViewer>({ signedIn: false, csrfToken: null, returnTo: "/course" });

export function LessonViewerProvider({ viewer, children }: { viewer: LessonViewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useLessonViewer(): LessonViewer {
  return useContext(ViewerContext);
}
