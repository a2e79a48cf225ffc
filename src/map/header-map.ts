import { indexOfForbiddenChar } from "../syntax/chars.js";
import { asLibraryError, describeValue } from "../syntax/describe.js";
import type { ParseResult } from "../syntax/result.js";
import { isToken } from "../syntax/token.js";
import { type HeaderCodec, unreadableLines } from "../headers/codec.js";
import {
  codecOrThrow,
  findCodec,
  isRegisteredLowercaseName,
  unknownHeader,
  type HeaderValue,
  type KnownHeaderName,
} from "../registry.js";
import { makeInspectable } from "./inspect.js";
import {
  FetchHeadersSource,
  isFetchHeaders,
  isPlainRecord,
  RawHeadersSource,
  recordLines,
  RecordSource,
  refuseRequestObject,
  type FetchHeadersLike,
  type HeaderRecord,
  type LineSource,
  type Lines,
  withLine,
} from "./sources.js";

/**
 * The map's own lines, names lowercase (not copies: read them, never change them), for adapters
 * that hand a decision's headers to a server without building pairs.
 * @internal
 */
// Set by HeaderMap's static block, which alone can read its private fields.
export let fieldLines: (map: HeaderMap) => readonly [names: readonly string[], values: readonly string[]];

/**
 * The lines of a map that reads a source, until it copies them: shared and frozen, so that a map
 * over a request's headers allocates no arrays of its own (its lines are never changed in place
 * before `#own` replaces them).
 */
const NO_LINES = Object.freeze([]) as unknown as string[];

/** Field lines the library built itself, handed to the constructor by {@link trustedHeaderMap}. */
class OwnedLines {
  constructor(
    readonly names: string[],
    readonly values: string[],
  ) {}
}

/**
 * What {@link HeaderMap.from} accepts: a Fetch `Headers`, Node's `req.headers` (or any record of
 * `string | string[]` values), Node's `req.rawHeaders` (`[name, value, …]`), an iterable of
 * `[name, value]` pairs (each one field line), or another `HeaderMap`.
 *
 * @example
 * ```ts
 * HeaderMap.from(req.rawHeaders);                       // ["Origin", "https://a.example", …]
 * HeaderMap.from(new Headers({ Vary: "Origin" }));
 * HeaderMap.from([["set-cookie", "a=1"], ["set-cookie", "b=2"]]);
 * ```
 * @public
 */
export type HeaderInput = HeaderMap | FetchHeadersLike | HeaderRecord | readonly string[] | Iterable<readonly [string, string]>;

/**
 * A case-insensitive multimap of header field lines with typed access through the registry: the
 * object a framework holds per request or response.
 *
 * @remarks
 * Created from what a server already has (Node's `req.headers` or `rawHeaders`, a Fetch `Headers`)
 * without copying it: a lookup reads the source by name, and typed values are parsed on first
 * `get` and cached until that header changes. The lines are copied only when the map is first
 * changed or walked in full; pairs and records whose prototype is neither `Object.prototype`
 * nor null are copied at once. Either way
 * they are checked at that first change or walk. Names are
 * lowercased; iteration yields one `[name, value]` per field line in insertion order. Any name,
 * including `__proto__` or `constructor`, is an ordinary header name.
 *
 * Reads never throw, whatever the source holds: a source that throws when read, or holds
 * something other than strings for a name, reads as absent in `getRaw`, `getAll` and `has`, and
 * as the error `invalid-input` in `get`. Walking or changing the map throws only the library's
 * `TypeError` for such a source.
 *
 * @example
 * ```ts
 * const headers = HeaderMap.from(req.headers);             // node:http
 * const origin = headers.get("origin");                     // ParseResult<Origin | "null">
 * const response = new HeaderMap()
 *   .set("access-control-allow-origin", Origin.from("https://app.example"))
 *   .append("vary", ["origin"]);
 * res.writeHead(204, response.toObject());
 * ```
 * @public
 */
export class HeaderMap implements Iterable<[string, string]> {
  /** Where lines are read from until the map owns them. */
  #source: LineSource | undefined;
  /** Without a source: the lowercase name and the value of each field line, in order. */
  #names: string[] = NO_LINES;
  #values: string[] = NO_LINES;
  /** Positions of the owned lines by name, built once the map has {@link INDEXED_LINES} lines
   * (below that a scan is cheaper than a Map) and dropped when lines are removed. */
  #index: Map<string, number[]> | undefined;
  /** Whether `#names`/`#values` were copied from a caller's pairs or record and not yet checked. */
  #unchecked = false;
  /** Typed values parsed so far: `[name, result, name, result, …]`, lowercase names. A flat
   * array, because a map is asked for a few headers and a Map costs more to create. */
  #parsed: unknown[] | undefined;

  /** A map of `init`'s field lines (empty without it); the same as {@link HeaderMap.from}. */
  constructor(init?: HeaderInput) {
    makeInspectable(HeaderMap.prototype);
    if (init === undefined || init === null) {
      this.#names = [];
      this.#values = [];
      return;
    }
    // Telling the kinds of input apart reads the caller's object (a Proxy may throw).
    try {
      // The library's own lines first: every CORS decision makes a map of them.
      if (init instanceof OwnedLines) {
        this.#names = init.names;
        this.#values = init.values;
      } else if (Array.isArray(init) && (init.length === 0 || typeof init[0] === "string")) {
        this.#source = new RawHeadersSource(init as readonly string[]);
      } else if (typeof init !== "object") {
        throw new TypeError(`typed-headers: HeaderMap.from expects headers, got ${typeof init}`);
      } else if (Symbol.iterator in init) {
        if (isFetchHeaders(init)) this.#source = new FetchHeadersSource(init);
        else this.#copy(init as Iterable<readonly [string, string]>);
      } else if (isPlainRecord(init)) {
        // Node's req.headers and other plain records: read where they are (see RecordSource).
        this.#source = new RecordSource(init as HeaderRecord);
      } else {
        refuseRequestObject(init);
        this.#copy(recordLines(init as HeaderRecord));
      }
    } catch (error) {
      throw asLibraryError(error, "HeaderMap.from: the headers");
    }
  }

  /** A map of `init`'s field lines, read lazily where the source allows. */
  static from(init?: HeaderInput): HeaderMap {
    return new HeaderMap(init);
  }

  /**
   * The typed value of a registered header, parsed on first use and cached until it changes.
   * Never throws: an absent header gives the error `missing`, an unregistered name
   * `unknown-header`.
   */
  get<N extends string>(name: KnownHeaderName<N>): ParseResult<HeaderValue<N>> {
    const codec = typeof name === "string" ? findCodec(name) : undefined;
    if (codec === undefined) return unknownHeader(name);
    const key = codec.name;
    const parsed = (this.#parsed ??= []);
    const at = parsed.indexOf(key);
    if (at !== -1) return parsed[at + 1] as ParseResult<HeaderValue<N>>;
    const lines = this.#read(key);
    const result = lines === UNREADABLE ? unreadableLines(key) : codec.parse(lines);
    parsed.push(key, result);
    return result as ParseResult<HeaderValue<N>>;
  }

  /**
   * The field lines of `name` joined with `", "` (as Fetch combines them), or null.
   * @throws TypeError for several `set-cookie` lines, which are never combined: use `getAll`.
   */
  getRaw(name: string): string | null {
    const key = lowercase(name);
    const lines = this.#read(key);
    if (lines === undefined || lines === UNREADABLE) return null;
    if (typeof lines === "string") return lines;
    if (key === "set-cookie")
      throw new TypeError('typed-headers: set-cookie lines are never combined; use getAll("set-cookie").');
    return lines.join(", ");
  }

  /** The field lines of `name`, in order (empty when absent). */
  getAll(name: string): string[] {
    const lines = this.#read(lowercase(name));
    if (lines === undefined || lines === UNREADABLE) return [];
    return typeof lines === "string" ? [lines] : [...lines];
  }

  /** Whether `name` has at least one field line. */
  has(name: string): boolean {
    const lines = this.#read(lowercase(name));
    return lines !== undefined && lines !== UNREADABLE;
  }

  /**
   * Replaces every line of a registered header with the serialization of `value` (for
   * `set-cookie`, one line per cookie of the array).
   * @throws TypeError for an unregistered name or a value that is not valid at runtime; the map
   *   is then unchanged.
   */
  set<N extends string>(name: KnownHeaderName<N>, value: HeaderValue<N>): this {
    const codec = codecOrThrow(name);
    if (codec.name === "set-cookie") return this.#setCookies(codec, value, true);
    this.#replace(codec.name, codec.serialize(value));
    return this;
  }

  /**
   * Adds `value` to a registered header. List headers merge into one line in canonical form
   * (members already present are not repeated; for `vary`, `*` absorbs everything); if the
   * present value does not parse, `value` is added as a separate line rather than lost. A
   * single-value header that is already present cannot be appended to. `set-cookie` lines are
   * never merged: each cookie of the array is added as its own line.
   * @throws TypeError for an unregistered name, an invalid value, or a single-value header that
   *   is present; the map is then unchanged.
   */
  append<N extends string>(name: KnownHeaderName<N>, value: HeaderValue<N>): this {
    const codec = codecOrThrow(name);
    const key = codec.name;
    if (key === "set-cookie") return this.#setCookies(codec, value, false);
    const serialized = codec.serialize(value);
    this.#own(); // a source that cannot be read throws here, before `existing` is looked at
    const existing = this.#read(key) as Lines | undefined;
    if (existing === undefined) return this.#push(key, serialized);
    if (codec.merge === undefined) {
      throw new TypeError(`typed-headers: ${key} takes a single value and is already set; use set() to replace it.`);
    }
    const current = codec.parse(existing);
    if (!current.ok) return this.#push(key, serialized);
    // The merged value is serialized (and so checked) again: merge reads the caller's value anew.
    return this.#replace(key, codec.serialize(codec.merge(current.value, value)));
  }

  /**
   * Replaces every line of `name` (any header, registered or not) with `value`.
   * @throws TypeError when `name` is not a token or `value` holds CR, LF, NUL or a character
   *   above U+00FF; the map is then unchanged.
   */
  setRaw(name: string, value: string): this {
    return this.#replace(checkedName(name), checkedValue(name, value));
  }

  /**
   * Adds a field line `name: value` (any header, registered or not).
   * @throws TypeError as {@link HeaderMap.setRaw} does; the map is then unchanged.
   */
  appendRaw(name: string, value: string): this {
    return this.#push(checkedName(name), checkedValue(name, value));
  }

  /** Removes every line of `name`; says whether there was one. */
  delete(name: string): boolean {
    const key = lowercase(name);
    if (this.#read(key) === undefined) return false;
    this.#own();
    this.#removeLines(key, 0);
    this.#forget(key);
    return true;
  }

  /**
   * One `[name, value]` per field line, names lowercase, in insertion order.
   *
   * @remarks
   * An iteration walks a snapshot of the lines taken when it starts (when this method is
   * called): lines set, appended or deleted during it are not seen, and no line is skipped or
   * visited twice. (A `Map` iterator is live instead; header maps are changed while walked
   * mostly to delete what was just visited, where a live walk over lines kept in order would
   * skip the next one.)
   */
  [Symbol.iterator](): IterableIterator<[string, string]> {
    this.#own();
    return lineIterator(this.#names.slice(), this.#values.slice());
  }

  /** The field lines as `[name, value]` pairs, one per line, in insertion order. */
  toEntries(): [string, string][] {
    this.#own();
    const values = this.#values;
    return this.#names.map((name, i) => [name, values[i] as string]);
  }

  /**
   * The headers as a record for Node's `res.writeHead` / `res.setHeader`: a string per name, an
   * array of lines for a repeated one. Nothing is inherited (its prototype is an empty object
   * without a prototype), so every name, `__proto__` included, is an own key.
   */
  toObject(): Record<string, string | string[]> {
    this.#own();
    const record = new EmptyRecord() as Record<string, string | string[]>;
    const names = this.#names;
    const values = this.#values;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = values[i] as string;
      const present = record[name];
      if (present === undefined) record[name] = value;
      else if (typeof present === "string") record[name] = [present, value];
      else present.push(value);
    }
    return record;
  }

  /** The headers as a Fetch `Headers` (repeated lines are combined by `Headers` itself, except `set-cookie`'s). */
  toHeaders(): Headers {
    const headers = new Headers();
    for (const [name, value] of this) headers.append(name, value);
    return headers;
  }

  /**
   * Writes one `set-cookie` line per cookie, after all are serialized (a bad one changes nothing),
   * replacing the present lines or not. Set-Cookie lines are never combined (RFC 9110 §5.3): the
   * comma inside an Expires date would split them.
   */
  #setCookies(codec: HeaderCodec<string, unknown>, cookies: unknown, replace: boolean): this {
    let members: unknown[] = [];
    try {
      if (Array.isArray(cookies)) members = Array.from(cookies as unknown[]);
    } catch {
      members = [];
    }
    if (members.length === 0) throw new TypeError("typed-headers: cannot set set-cookie: expected a non-empty array of cookies.");
    const lines = members.map((cookie) => codec.serialize([cookie]));
    this.#own();
    if (replace) this.#removeLines("set-cookie", 0);
    for (const line of lines) this.#push("set-cookie", line);
    return this;
  }

  static {
    fieldLines = (map) => {
      map.#own();
      return [map.#names, map.#values];
    };
  }

  /**
   * The lines of lowercase `name`, from the source or from the owned lines; {@link UNREADABLE}
   * when the source throws or holds something other than strings. Never throws.
   */
  #read(name: string): Lines | undefined | typeof UNREADABLE {
    if (this.#source !== undefined) return readSource(this.#source, name);
    const names = this.#names;
    const values = this.#values;
    const positions = this.#indexed()?.get(name);
    if (positions !== undefined)
      return positions.length === 1 ? values[positions[0] as number] : positions.map((i) => values[i] as string);
    if (this.#index !== undefined) return undefined;
    let found: Lines | undefined;
    for (let i = 0; i < names.length; i++) {
      if (names[i] !== name) continue;
      found = withLine(found, values[i] as string);
    }
    return found;
  }

  /** Drops the cached typed value of `name`. */
  #forget(name: string): void {
    const parsed = this.#parsed;
    const at = parsed === undefined ? -1 : parsed.indexOf(name);
    if (at !== -1) parsed?.splice(at, 2);
  }

  /** Takes `lines` as the map's lines, names lowercased; {@link HeaderMap.#own} checks them. */
  #copy(lines: Iterable<readonly [string, string]>): void {
    const names: string[] = [];
    const values: string[] = [];
    try {
      for (const [name, value] of lines) {
        if (typeof name !== "string" || typeof value !== "string") {
          throw new TypeError("typed-headers: HeaderMap.from expects header names and values that are strings.");
        }
        names.push(name.toLowerCase());
        values.push(value);
      }
    } catch (error) {
      // A caller's iterator, getter or Proxy may throw anything: only the library's TypeError leaves.
      throw asLibraryError(error, "HeaderMap.from: the headers");
    }
    this.#names = names;
    this.#values = values;
    this.#index = undefined;
    this.#unchecked = true;
  }

  /** Makes the map own checked lines: copies the source's lines, then checks copied lines. */
  #own(): void {
    if (this.#source !== undefined) {
      this.#copy(this.#source.all());
      this.#source = undefined;
      // Typed values read from the source are parsed again from the copied lines, which are
      // what the map holds from now on (the caller may have changed the source meanwhile).
      this.#parsed = undefined;
    }
    if (!this.#unchecked) return;
    const names = this.#names;
    const values = this.#values;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = values[i] as string;
      if (!isToken(name) || indexOfForbiddenChar(value) !== -1) {
        throw new TypeError(
          `typed-headers: HeaderMap.from: the field line ${describeValue(`${name}: ${value}`)} is not a valid header.`,
        );
      }
    }
    this.#unchecked = false;
  }

  #push(name: string, value: string): this {
    this.#own();
    const position = this.#names.push(name) - 1;
    this.#values.push(value);
    const index = this.#index;
    if (index !== undefined) {
      const positions = index.get(name);
      if (positions === undefined) index.set(name, [position]);
      else positions.push(position);
    }
    this.#forget(name);
    return this;
  }

  /** The line positions by name once the map is large enough to keep them (see `#index`). */
  #indexed(): Map<string, number[]> | undefined {
    const names = this.#names;
    if (this.#index !== undefined || names.length < INDEXED_LINES) return this.#index;
    const index = new Map<string, number[]>();
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const positions = index.get(name);
      if (positions === undefined) index.set(name, [i]);
      else positions.push(i);
    }
    return (this.#index = index);
  }

  /** Puts `value` in place of the first line of `name` and removes the others (Fetch's "set"). */
  #replace(name: string, value: string): this {
    this.#own();
    const index = this.#indexed();
    const positions = index?.get(name);
    const first = index === undefined ? this.#names.indexOf(name) : positions === undefined ? -1 : (positions[0] as number);
    if (first === -1) return this.#push(name, value);
    this.#values[first] = value;
    if (positions === undefined || positions.length > 1) this.#removeLines(name, first + 1);
    this.#forget(name);
    return this;
  }

  /** Removes the owned lines of `name` from index `from` on, keeping the others in order. */
  #removeLines(name: string, from: number): void {
    const names = this.#names;
    const values = this.#values;
    let kept = from;
    for (let i = from; i < names.length; i++) {
      if (names[i] === name) continue;
      names[kept] = names[i] as string;
      values[kept] = values[i] as string;
      kept++;
    }
    names.length = kept;
    values.length = kept;
    this.#index = undefined;
  }
}

/** What {@link HeaderMap.#read} returns for lines it cannot read. */
const UNREADABLE: unique symbol = Symbol("unreadable");

/** `source.read(name)`, or {@link UNREADABLE} when it throws or gives something other than strings. */
function readSource(source: LineSource, name: string): Lines | undefined | typeof UNREADABLE {
  let lines: unknown;
  try {
    lines = source.read(name);
  } catch {
    return UNREADABLE;
  }
  if (lines === undefined || typeof lines === "string") return lines;
  if (!Array.isArray(lines)) return UNREADABLE;
  for (const line of lines as readonly unknown[]) if (typeof line !== "string") return UNREADABLE;
  return lines as readonly string[];
}

function* lineIterator(names: readonly string[], values: readonly string[]): IterableIterator<[string, string]> {
  for (let i = 0; i < names.length; i++) yield [names[i] as string, values[i] as string];
}
/** Owned lines from which lookups by name go through an index rather than a scan. */
const INDEXED_LINES = 32;

/**
 * A map that owns `names` and `values` (lowercase names, valid lines) without copying or
 * checking them: for field lines the library built itself, such as a CORS decision's.
 * @internal
 */
export function trustedHeaderMap(names: string[], values: string[]): HeaderMap {
  return new HeaderMap(new OwnedLines(names, values) as unknown as HeaderInput);
}

/**
 * The record `toObject` returns: its prototype is an empty object without a prototype, so no name
 * (not `constructor`, `toString` or `__proto__`) is inherited or special, and every header is an
 * own property. Creating one is as fast as `{}`, where `Object.create(null)` is three times
 * slower (bench/map.bench.ts).
 */
const EmptyRecord = /* @__PURE__ */ emptyRecordClass();

function emptyRecordClass(): new () => object {
  const constructor = function EmptyRecord() {} as unknown as new () => object;
  constructor.prototype = Object.create(null);
  return constructor;
}

/** `name` lowercased; a built-in name given in lowercase, the usual case, is returned as it is. */
function lowercase(name: string): string {
  if (typeof name !== "string") return "";
  return isRegisteredLowercaseName(name) ? name : name.toLowerCase();
}

function checkedName(name: string): string {
  if (typeof name !== "string" || !isToken(name)) {
    throw new TypeError(`typed-headers: ${describeValue(name)} is not a header name (a token).`);
  }
  return name.toLowerCase();
}

function checkedValue(name: string, value: string): string {
  if (typeof value !== "string" || indexOfForbiddenChar(value) !== -1) {
    throw new TypeError(
      `typed-headers: ${describeValue(value)} is not a field value for ${name} (CR, LF, NUL or a character above U+00FF).`,
    );
  }
  return value;
}
