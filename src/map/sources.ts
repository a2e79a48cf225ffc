// The inputs HeaderMap.from accepts, read lazily: a request's headers are looked up by name
// where the server keeps them, and copied only when the map is changed or walked in full. Pairs
// and hand-made records are copied by HeaderMap itself.

/**
 * The part of a Fetch `Headers` object that `HeaderMap` uses (undici's, a browser's, Deno's…).
 *
 * @example
 * ```ts
 * HeaderMap.from(request.headers);   // a Fetch Headers (undici, Bun, Deno, Workers)
 * ```
 * @public
 */
export interface FetchHeadersLike {
  /** The combined value of `name`, or null. */
  get(name: string): string | null;
  /** The `Set-Cookie` lines, one per cookie. */
  getSetCookie(): string[];
  /** The lines in Fetch's "sort and combine" order, names lowercase. */
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

/**
 * A record of header values, such as Node's `req.headers` (`IncomingHttpHeaders`) or
 * `res.getHeaders()`: a string per name, an array for repeated lines. Numbers are converted to
 * strings; `undefined`, `null` and other values mean the header is absent.
 *
 * @example
 * ```ts
 * HeaderMap.from({ Origin: "https://app.example", "X-Forwarded-For": ["a", "b"], "Content-Length": 0 });
 * ```
 * @public
 */
export type HeaderRecord = { readonly [name: string]: string | readonly string[] | number | null | undefined };

/** One field line or several, as the sources hand them out. @internal */
export type Lines = string | readonly string[];

/**
 * `found` with one more line: a string for the first, an array from the second on. Only for
 * results being gathered: the array it made is extended in place.
 * @internal
 */
export function withLine(found: Lines | undefined, line: string): Lines {
  if (found === undefined) return line;
  if (typeof found === "string") return [found, line];
  (found as string[]).push(line);
  return found;
}

/** A source of field lines, read by lowercase name. @internal */
export interface LineSource {
  /** The lines of `name` (lowercase): undefined when absent, a string for one line. */
  read(name: string): Lines | undefined;
  /** Every field line in order (names in any case). */
  all(): Iterable<readonly [string, string]>;
}

/**
 * A plain record (prototype `Object.prototype` or null), read by name where it is: Node's
 * `req.headers`, `res.getHeaders()`, or a hand-made record.
 *
 * @remarks
 * Node's `req.headers` cannot be told apart from a hand-made record (both are `{}` objects), and
 * checking every key's case would cost more than the reads it saves. Instead each read relies on
 * what Node guarantees and checks only what it must: a lowercase key is read directly (Node's
 * keys are all lowercase, so this is the whole cost for Node's object), and only when there is
 * none are the keys scanned for the name in another case (a hand-made `{ Origin: … }`), comparing
 * lengths before case-folding. The same rule decides a walk ({@link RecordSource.all}): where a
 * record holds a name both in lowercase and in another case, the lowercase key wins and the other
 * is skipped, so a lookup and a walk never disagree. Inherited properties (a polluted
 * `Object.prototype`) are never read.
 * @internal
 */
export class RecordSource implements LineSource {
  readonly #record: HeaderRecord;

  constructor(record: HeaderRecord) {
    this.#record = record;
  }

  read(name: string): Lines | undefined {
    const found = this.#own(name);
    return found !== undefined ? found : this.#otherCase(name);
  }

  all(): Iterable<readonly [string, string]> {
    // A key in another case is skipped where the lowercase key has lines: the lowercase key wins.
    return recordLines(this.#record, (key) => {
      const lower = key.toLowerCase();
      return lower === key || this.#own(lower) === undefined;
    });
  }

  /** The lines of the record's own key `name`. */
  #own(name: string): Lines | undefined {
    const found = lines(this.#record[name]);
    // Object.prototype has no string, number or array property unless it was polluted.
    if (found === undefined || (OBJECT_PROTOTYPE as HeaderRecord)[name] === undefined) return found;
    return Object.hasOwn(this.#record, name) ? found : undefined;
  }

  /** The lines of the keys that are `name` (lowercase) in another case, in key order. */
  #otherCase(name: string): Lines | undefined {
    const record = this.#record;
    let found: Lines | undefined;
    for (const key of Object.keys(record)) {
      if (key.length !== name.length || key === name || key.toLowerCase() !== name) continue;
      const more = lines(record[key]);
      if (typeof more === "string") found = withLine(found, more);
      else if (more !== undefined) for (const line of more) found = withLine(found, line);
    }
    return found;
  }
}

const OBJECT_PROTOTYPE = Object.prototype;

/** Whether `value` is a record {@link RecordSource} reads in place (a plain object). @internal */
export function isPlainRecord(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === OBJECT_PROTOTYPE || prototype === null;
}

/**
 * Throws when a hand-made record is in fact a request (Node's `IncomingMessage`, a Fetch
 * `Request`): an object with a `headers` object and a `method` or `url`. Read as a record, it
 * would have no header at all, and every request would look like one without CORS. Only records
 * with a prototype reach this check, never `req.headers`, `rawHeaders` or a Fetch `Headers`.
 * @internal
 */
export function refuseRequestObject(init: object): void {
  const headers = (init as { headers?: unknown }).headers;
  if (typeof headers === "object" && headers !== null && !Array.isArray(headers) && ("method" in init || "url" in init)) {
    throw new TypeError(
      "typed-headers: HeaderMap.from was given a request, not its headers: pass req.headers (node:http) or request.headers (Fetch).",
    );
  }
}

/**
 * The field lines of a record's own properties (those whose key passes `include`), in key order,
 * names as written.
 * @internal
 */
export function* recordLines(record: HeaderRecord, include?: (key: string) => boolean): Iterable<readonly [string, string]> {
  for (const key of Object.keys(record)) {
    if (include !== undefined && !include(key)) continue;
    const found = lines(record[key]);
    if (typeof found === "string") yield [key, found];
    else if (found !== undefined) for (const line of found) yield [key, line];
  }
}

/** A record's value as lines: a string, a number as a string, the strings of an array; else absent. @internal */
export function lines(value: HeaderRecord[string]): Lines | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const strings = (value as readonly unknown[]).filter((line): line is string => typeof line === "string");
    return strings.length === 0 ? undefined : strings;
  }
  return undefined;
}

/**
 * Node's `req.rawHeaders`: `[name, value, name, value, …]` with every field line kept and names
 * in their original case. Lookups scan it, comparing lengths before case-folding.
 * @internal
 */
export class RawHeadersSource implements LineSource {
  readonly #raw: readonly string[];

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  read(name: string): Lines | undefined {
    const raw = this.#raw;
    let found: Lines | undefined;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i] as string;
      // Lengths differ for most names; toLowerCase is native (and returns a lowercase key
      // itself), four times faster than comparing code units in a loop (bench/map.bench.ts).
      if (key.length !== name.length || (key !== name && key.toLowerCase() !== name)) continue;
      found = withLine(found, raw[i + 1] as string);
    }
    return found;
  }

  *all(): Iterable<readonly [string, string]> {
    const raw = this.#raw;
    for (let i = 0; i + 1 < raw.length; i += 2) yield [raw[i] as string, raw[i + 1] as string];
  }
}

/**
 * A Fetch `Headers`. It keeps only combined values, so each name is one line, except
 * `set-cookie`, whose cookies stay separate.
 * @internal
 */
export class FetchHeadersSource implements LineSource {
  readonly #headers: FetchHeadersLike;

  constructor(headers: FetchHeadersLike) {
    this.#headers = headers;
  }

  read(name: string): Lines | undefined {
    if (name === "set-cookie") {
      const cookies = this.#headers.getSetCookie();
      return cookies.length === 0 ? undefined : cookies;
    }
    return this.#headers.get(name) ?? undefined;
  }

  all(): Iterable<readonly [string, string]> {
    return this.#headers;
  }
}

/** Whether `value` looks like a Fetch `Headers` (rather than a Map or another iterable). @internal */
export function isFetchHeaders(value: object): value is FetchHeadersLike {
  if (typeof Headers !== "undefined" && value instanceof Headers) return true;
  const candidate = value as Partial<FetchHeadersLike>;
  return typeof candidate.get === "function" && typeof candidate.getSetCookie === "function";
}
