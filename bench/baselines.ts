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

// The two scanners above with a header parser's contract: a field line's SP/HTAB trimmed (RFC 9110
// §5.5; parseHeader takes any string, not only what an HTTP parser trimmed) and a result object
// whether it parses or not, as parseHeader returns. Beside the bare scanners they show what the
// contract itself costs, apart from the library.

/** What a parser with parseHeader's contract returns (without parseHeader's error details). */
export type ScanResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const FAILED: ScanResult<never> = { ok: false };

/** The first index of `v` that is not SP/HTAB (or its length). */
function owsStart(v: string): number {
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 0x20 || v.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** One past the last index of `v` after `start` that is not SP/HTAB (or `start`). */
function owsEnd(v: string, start: number): number {
  let i = v.length;
  while (i > start && (v.charCodeAt(i - 1) === 0x20 || v.charCodeAt(i - 1) === 0x09)) i--;
  return i;
}

/** {@link methodScanBaseline} with a header parser's contract: OWS trimmed, a result object. */
export function methodResultBaseline(v: string): ScanResult<string> {
  const start = owsStart(v);
  const end = owsEnd(v, start);
  if (start === end) return FAILED;
  for (let i = start; i < end; i++) {
    const c = v.charCodeAt(i);
    if (c > 127 || TCHAR[c] === 0) return FAILED;
  }
  return { ok: true, value: start === 0 && end === v.length ? v : v.slice(start, end) };
}

/** {@link maxAgeScanBaseline} with a header parser's contract: OWS trimmed, a result object. */
export function maxAgeResultBaseline(v: string): ScanResult<number> {
  const start = owsStart(v);
  const end = owsEnd(v, start);
  if (start === end) return FAILED;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return FAILED;
    n = Math.min(n * 10 + d, 2147483648);
  }
  return { ok: true, value: n };
}
