"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/app/_lib/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Cycles system → light → dark; the server reads the cookie on the next request, so no flash. */
export function ThemeToggle({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState(initialTheme);

  function cycle() {
    const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    setTheme(next);
    if (next === "system") {
      delete document.documentElement.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
    } else {
      document.documentElement.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    }
  }

  return (
    <button type="button" className="button button--secondary button--small" onClick={cycle} data-testid="theme-toggle">
      <span aria-hidden="true">{theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}</span>
      <span>
        <span className="visually-hidden">Theme: </span>
        {LABELS[theme]}
      </span>
    </button>
  );
}
