// Hand-written, single-purpose header checks of the kind frameworks write today. They are the
// baselines typed-headers is measured against; each returns the parsed value or undefined.

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `v.trim() === "true"`: ACAC and the PNA headers. */
export function trueBaseline(v: string): true | undefined {
  return v.trim() === "true" ? true : undefined;
}

/** `new URL(v).origin === v`: what careful code does to validate an origin. */
export function urlOriginBaseline(v: string): string | undefined {
  const t = v.trim();
  try {
    return new URL(t).origin === t ? t : undefined;
  } catch {
    return undefined;
  }
}

const ORIGIN_SHAPE = /^https?:\/\/[a-z0-9.-]+(?::[0-9]{1,5})?$/;

/** A regular expression of the origin's shape (common, and looser than browsers). */
export function regexOriginBaseline(v: string): string | undefined {
  const t = v.trim();
  return t === "null" || ORIGIN_SHAPE.test(t) ? t : undefined;
}

/** `*`, `null` or the regex origin check: ACAO. */
export function allowOriginBaseline(v: string): string | undefined {
  const t = v.trim();
  return t === "*" ? t : regexOriginBaseline(t);
}

/** `*`, `null` or the `new URL` origin check: ACAO, done correctly. */
export function allowOriginUrlBaseline(v: string): string | undefined {
  const t = v.trim();
  return t === "*" || t === "null" ? t : urlOriginBaseline(t);
}

/** A single token, trimmed: ACRM. */
export function methodBaseline(v: string): string | undefined {
  const t = v.trim();
  return TOKEN.test(t) ? t : undefined;
}

/** split + trim + token check (+ lowercase): the `#token` list headers. */
export function listBaseline(v: string, lowercase: boolean): string[] | undefined {
  const out: string[] = [];
  for (const part of v.split(",")) {
    const t = part.trim();
    if (t === "") continue;
    if (!TOKEN.test(t)) return undefined;
    out.push(lowercase ? t.toLowerCase() : t);
  }
  return out;
}

/** `/^\d+$/` then Number, clamped: ACMA. */
export function maxAgeBaseline(v: string): number | undefined {
  const t = v.trim();
  return /^[0-9]+$/.test(t) ? Math.min(Number(t), 2147483648) : undefined;
}

/** The list baseline, collapsing to "*" when a member is "*": Vary. */
export function varyBaseline(v: string): string[] | "*" | undefined {
  const names = listBaseline(v, true);
  return names?.includes("*") ? "*" : names;
}

/** tchar (RFC 9110 §5.6.2) by code unit, for the single-purpose scanners below. */
const TCHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TCHAR[c.charCodeAt(0)] = 1;

/** A hand-written scanner for exactly one token, no regex: the fastest single-purpose ACRM check. */
export function methodScanBaseline(v: string): string | undefined {
  if (v.length === 0) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 127 || TCHAR[c] === 0) return undefined;
  }
  return v;
}

/** A hand-written digit loop (delta-seconds, capped at 2^31): the fastest single-purpose ACMA parser. */
export function maxAgeScanBaseline(v: string): number | undefined {
  if (v.length === 0) return undefined;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = Math.min(n * 10 + d, 2147483648);
  }
  return n;
}
