/**
 * Glob-style matching with the rules of Redis's stringmatchlen (KEYS, SCAN MATCH, PSUBSCRIBE,
 * CONFIG GET): `*`, `?`, `[abc]`, `[^abc]`, `[a-z]` and `\x` escapes, over binary strings.
 */
export function globMatch(pattern: string, text: string, noCase = false): boolean {
  if (noCase) {
    pattern = pattern.toLowerCase();
    text = text.toLowerCase();
  }
  if (pattern === "*") return true;
  return matchFrom(pattern, 0, text, 0, 0);
}

function matchFrom(pattern: string, p: number, text: string, t: number, depth: number): boolean {
  // Redis caps recursion on pathological patterns; so do we, by failing the match.
  if (depth > 1000) return false;
  while (p < pattern.length) {
    const c = pattern[p];
    if (c === "*") {
      while (pattern[p + 1] === "*") p++;
      if (p + 1 === pattern.length) return true;
      for (let i = t; i <= text.length; i++) {
        if (matchFrom(pattern, p + 1, text, i, depth + 1)) return true;
      }
      return false;
    }
    if (t >= text.length) return false;
    if (c === "?") {
      t++;
      p++;
      continue;
    }
    if (c === "[") {
      p++;
      const negate = pattern[p] === "^";
      if (negate) p++;
      let matched = false;
      for (;;) {
        if (p >= pattern.length) {
          // Unterminated class: Redis treats the end as closing it.
          p--;
          break;
        }
        if (pattern[p] === "\\" && p + 1 < pattern.length) {
          p++;
          if (pattern[p] === text[t]) matched = true;
        } else if (pattern[p] === "]") {
          break;
        } else if (pattern[p + 1] === "-" && p + 2 < pattern.length) {
          let start = pattern.charCodeAt(p);
          let end = pattern.charCodeAt(p + 2);
          if (start > end) [start, end] = [end, start];
          const code = text.charCodeAt(t);
          if (code >= start && code <= end) matched = true;
          p += 2;
        } else if (pattern[p] === text[t]) {
          matched = true;
        }
        p++;
      }
      if (negate) matched = !matched;
      if (!matched) return false;
      t++;
      p++;
      continue;
    }
    if (c === "\\" && p + 1 < pattern.length) p++;
    if (pattern[p] !== text[t]) return false;
    t++;
    p++;
  }
  return t === text.length;
}
