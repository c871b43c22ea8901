export function CookiesRequired() {
  return (
    <p className="alert alert--error" role="alert">
      Your browser did not keep our cookie. Signing in needs cookies for this site: allow them and reload the page.
    </p>
  );
}
