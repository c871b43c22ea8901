import Link from "next/link";
import { signOutAction } from "@/app/_lib/account-actions";
import type { SessionUser } from "@/app/_lib/sessions";
import { CsrfField } from "./csrf-field";

export function UserMenu({ user, csrfToken }: { user: SessionUser; csrfToken: string }) {
  return (
    <details className="user-menu">
      <summary>
        <span className="visually-hidden">Account menu for </span>
        {user.name}
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__email">{user.email}</p>
        <Link href="/account/password">Change password</Link>
        <form action={signOutAction}>
          <CsrfField token={csrfToken} />
          <button type="submit">Sign out</button>
        </form>
      </div>
    </details>
  );
}
