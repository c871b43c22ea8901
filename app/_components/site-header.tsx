import Link from "next/link";
import { hasRole } from "@/app/_lib/roles";
import type { SessionUser } from "@/app/_lib/sessions";
import type { Theme } from "@/app/_lib/theme";
import { type NavItem, NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

interface SiteHeaderProps {
  user: SessionUser | null;
  csrfToken: string | null;
  theme: Theme;
}

export function SiteHeader({ user, csrfToken, theme }: SiteHeaderProps) {
  const items: NavItem[] = [
    { href: "/course", label: "Course" },
    { href: "/labs", label: "Labs" },
    { href: "/simulations", label: "Simulations" },
    { href: "/search", label: "Search" },
  ];
  if (user) items.push({ href: "/dashboard", label: "Dashboard" });
  if (user && hasRole(user.role, "instructor")) items.push({ href: "/instructor", label: "Instructor" });

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>
          Redis Interview Lab
        </Link>
        <NavLinks items={items} />
        <div className="header-actions">
          <ThemeToggle initialTheme={theme} />
          {user && csrfToken ? (
            <UserMenu user={user} csrfToken={csrfToken} />
          ) : (
            <>
              <Link href="/signin" className="button button--secondary button--small">
                Sign in
              </Link>
              <Link href="/signup" className="button button--small">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
