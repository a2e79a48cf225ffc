import { skipOws, trimOwsEnd } from "./chars.js";
import { fail, type Failure, type ParseResult } from "./result.js";

/** Parses `s[start, end)`; offsets in failures are indexes into `s`. @internal */
export type Scanner<T> = (s: string, start: number, end: number) => ParseResult<T>;

/**
 * Parses a header whose grammar allows exactly one value: one field line (a string, or an array
 * of one), trimmed of SP/HTAB, given to `scan`. More lines fail, because browsers see them
 * joined as `a, b`.
 *
 * Speed trick (small fast path): the common case (one line that parses) is kept small enough for
 * the JIT to inline into each header's parser, where `scan` becomes a direct call; everything
 * else is in `parseSingleFailure`. Shared by all headers, a larger function would be one
 * megamorphic call site for every header's scanner.
 * @internal
 */
export function parseSingle<T>(value: string | readonly string[], scan: Scanner<T>): ParseResult<T> {
  if (typeof value === "string") {
    const start = skipOws(value, 0, value.length);
    const result = scan(value, start, trimOwsEnd(value, start, value.length));
    if (result.ok) return result;
  }
  return parseSingleFailure(value, scan);
}

/** The outcome of {@link parseSingle} off its fast path, with the most useful error code. */
function parseSingleFailure<T>(value: string | readonly string[], scan: Scanner<T>): ParseResult<T> {
  const line = typeof value === "string" ? value : value.length === 1 ? value[0] : undefined;
  if (line === undefined) return multipleLines(value as readonly string[]);
  const start = skipOws(line, 0, line.length);
  const end = trimOwsEnd(line, start, line.length);
  const result = scan(line, start, end);
  if (result.ok || line.lastIndexOf(",", end) < start) return result;
  return fail(
    "multiple-values",
    `expected one value, found a list, which browsers never match; ${result.error.message}`,
    result.error.offset,
  );
}

function multipleLines(lines: readonly string[]): Failure {
  return fail(
    "multiple-lines",
    `expected one field line, found ${lines.length}: browsers join them into "a, b", which never matches.`,
    lines[0]?.length ?? 0,
  );
}

/**
 * {@link parseSingle} for grammars whose one value may itself hold commas (an HTTP-date, an
 * entity tag, a byte range set): one field line, trimmed of SP/HTAB, given to `scan`, whose
 * error is reported as it is.
 * @internal
 */
export function parseSingleLine<T>(value: string | readonly string[], scan: Scanner<T>): ParseResult<T> {
  const line = typeof value === "string" ? value : value.length === 1 ? value[0]! : undefined;
  if (line === undefined) return multipleLines(value as readonly string[]);
  const start = skipOws(line, 0, line.length);
  return scan(line, start, trimOwsEnd(line, start, line.length));
}

/**
 * Scans the literal `true`, case-sensitive: the only value of `Access-Control-Allow-Credentials`
 * and the Private Network Access headers.
 * @internal
 */
export function scanTrue(s: string, start: number, end: number): ParseResult<true> {
  if (end - start === 4 && s.startsWith("true", start)) return TRUE;
  const found = start === end ? "an empty value" : `"${s.slice(start, end)}"`;
  return fail(
    "not-true",
    `expected "true", found ${found}: browsers compare byte for byte, so "True", "1" or "false" never count (omit the header to deny).`,
    start,
  );
}

/** The one successful result of {@link scanTrue}, shared. @internal */
export const TRUE: ParseResult<true> = /* @__PURE__ */ Object.freeze({ ok: true, value: true }) as ParseResult<true>;
