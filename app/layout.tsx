import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SessionRenewer } from "./_components/session-renewer";
import { SiteHeader } from "./_components/site-header";
import { getCsrfToken, getCurrentSession } from "./_lib/auth";
import { sessionNeedsRenewal } from "./_lib/session-tokens";
import { parseTheme, THEME_COOKIE } from "./_lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Redis Interview Lab", template: "%s · Redis Interview Lab" },
  description: "Prepare for Redis interviews with short lessons and automatically graded, runnable labs.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfc" },
    { media: "(prefers-color-scheme: dark)", color: "#111318" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const session = await getCurrentSession();
  const csrfToken = await getCsrfToken();

  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={session?.user ?? null} csrfToken={csrfToken} theme={theme} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Redis Interview Lab · practise Redis the way interviews test it.</p>
        </footer>
        {session && csrfToken && sessionNeedsRenewal(session.expiresAt) && <SessionRenewer csrfToken={csrfToken} />}
      </body>
    </html>
  );
}
