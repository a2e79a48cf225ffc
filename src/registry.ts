import * as builtins from "./headers/all.js";
import { codecOf, forbiddenCharError, type FieldLines, type HeaderCodec } from "./headers/codec.js";
import { asLibraryError, describeValue } from "./syntax/describe.js";
import type { ParseResult } from "./syntax/result.js";
import { isToken } from "./syntax/token.js";

type BuiltinCodec = (typeof builtins)[keyof typeof builtins];

/** The value type a codec parses to and serializes from. */
type CodecValue<Codec> = Codec extends HeaderCodec<string, infer Value> ? Value : never;

/** The built-in headers' value types by name, derived from the list in `headers/all.ts`. */
type BuiltinRegistry = { [Codec in BuiltinCodec as Codec["name"]]: CodecValue<Codec> };

/**
 * The value type of every registered header, by lowercase name: the built-in headers (each
 * module under `src/headers/` exports its codec, and one list registers them), and those other
 * libraries add with {@link defineHeader} and declaration merging:
 *
 * @example
 * ```ts
 * declare module "typed-headers" {
 *   interface HeaderRegistry { "timing-allow-origin": "*" | readonly OriginValue[] }
 * }
 * ```
 * @public
 */
export interface HeaderRegistry extends BuiltinRegistry {}

/**
 * A registered header name, lowercase.
 *
 * @example
 * ```ts
 * const names: HeaderName[] = ["origin", "vary"];   // lowercase registered names
 * ```
 * @public
 */
export type HeaderName = keyof HeaderRegistry & string;

/**
 * `N` when it is any casing of a registered name (or a non-literal `string`, checked at
 * runtime); otherwise {@link HeaderName}, so that an unknown literal does not compile.
 *
 * @example
 * ```ts
 * function read<N extends string>(name: KnownHeaderName<N>) { return parseHeader(name, "…"); }
 * read("Vary");       // compiles
 * // read("Varry");   // does not compile
 * ```
 * @public
 */
export type KnownHeaderName<N extends string> = string extends N ? N : Lowercase<N> extends HeaderName ? N : HeaderName;

/**
 * The value type of the header named `N` in any casing (`unknown` for a non-literal `string`).
 *
 * @example
 * ```ts
 * type MaxAge = HeaderValue<"Access-Control-Max-Age">;   // DeltaSeconds
 * ```
 * @public
 */
export type HeaderValue<N extends string> = string extends N ? unknown : HeaderRegistry[Lowercase<N> & HeaderName];

type AnyCodec = HeaderCodec<string, unknown>;

/**
 * Every registered header's codec by lowercase name: the built-in list, then the headers added
 * with {@link defineHeader}. A Map, because a lookup hashes the name once (strings cache their
 * hash), where a switch over the names compares one by one.
 */
const table: Map<string, AnyCodec> = /* @__PURE__ */ builtinTable();

function builtinTable(): Map<string, AnyCodec> {
  const codecs = new Map<string, AnyCodec>();
  for (const codec of Object.values(builtins) as AnyCodec[]) codecs.set(codec.name, codec);
  return codecs;
}

/** The codec registered under `name` in any casing. @internal */
export function findCodec(name: string): AnyCodec | undefined {
  return table.get(name) ?? table.get(name.toLowerCase());
}

/**
 * Whether `name` is a registered name exactly as given (lowercase): then it needs no
 * lowercasing, and a lookup says so faster than `toLowerCase` copies it.
 * @internal
 */
export function isRegisteredLowercaseName(name: string): boolean {
  return table.has(name);
}

/**
 * Parses a header value into its typed value. Never throws.
 *
 * @param name - a registered header name, any casing
 * @param value - one field line, the field lines of a repeated header in order, or
 *   `null`/`undefined` for an absent header (which gives the error `missing`)
 * @remarks
 * Each field line is trimmed of SP/HTAB. List headers take the members of every line; a
 * single-value header with more than one line is an error, because browsers see `a, b`.
 * CR, LF, NUL or a character above U+00FF anywhere is an error.
 *
 * @example
 * ```ts
 * parseHeader("Access-Control-Max-Age", "600");          // { ok: true, value: 600 }
 * parseHeader("access-control-allow-credentials", "True");
 * // { ok: false, error: { code: "not-true", header: "access-control-allow-credentials", … } }
 * ```
 * @public
 */
export function parseHeader<N extends string>(name: KnownHeaderName<N>, value: FieldLines): ParseResult<HeaderValue<N>> {
  const codec = typeof name === "string" ? findCodec(name) : undefined;
  if (codec === undefined) return unknownHeader(name);
  return codec.parse(value) as ParseResult<HeaderValue<N>>;
}

/** The `unknown-header` error result for `name`. @internal */
export function unknownHeader(name: unknown): ParseResult<never> {
  return {
    ok: false,
    error: {
      code: "unknown-header",
      header: typeof name === "string" ? name.toLowerCase() : "",
      message: unknownHeaderMessage(name),
    },
  };
}

function unknownHeaderMessage(name: unknown): string {
  return `unknown header "${typeof name === "string" ? name : typeof name}"; register it with defineHeader.`;
}

/**
 * Serializes a typed value to its canonical field value (lists joined with `", "`, decimal
 * integers). Throws `TypeError` (message prefix `typed-headers:`) for a value that is not valid
 * at runtime; never returns CR, LF, NUL or leading/trailing whitespace.
 *
 * @example
 * ```ts
 * serializeHeader("access-control-allow-methods", ["GET", "POST"]);   // "GET, POST"
 * serializeHeader("Access-Control-Allow-Credentials", true);          // "true"
 * ```
 * @public
 */
export function serializeHeader<N extends string>(name: KnownHeaderName<N>, value: HeaderValue<N>): string {
  return codecOrThrow(name).serialize(value);
}

/** The codec of `name`, or a TypeError for an unknown header. @internal */
export function codecOrThrow(name: unknown): AnyCodec {
  const codec = typeof name === "string" ? findCodec(name) : undefined;
  if (codec === undefined) {
    throw new TypeError(`typed-headers: ${unknownHeaderMessage(name)}`);
  }
  return codec;
}

/**
 * Registers a header so that {@link parseHeader}, {@link serializeHeader} and `HeaderMap` handle
 * it, and returns its {@link HeaderCodec}. Pair it with declaration merging into
 * {@link HeaderRegistry} for typing.
 *
 * @remarks
 * The name is lowercased and must be a token not registered yet (built-in headers cannot be
 * replaced). `parse` is given the field lines (at least one, each free of CR, LF, NUL and
 * characters above U+00FF, not trimmed) and must not throw; error offsets index the lines joined
 * with `", "`, and the error's `header` is filled in. `serialize` must throw `TypeError` for an
 * invalid value; its output is checked (no CR, LF, NUL, characters above U+00FF or surrounding
 * whitespace). `merge`, for list headers, is what `HeaderMap.append` uses.
 *
 * @example
 * ```ts
 * declare module "typed-headers" {
 *   interface HeaderRegistry { "x-retry-count": number }
 * }
 * const retryCount = defineHeader({
 *   name: "x-retry-count",
 *   parse: (lines) => (/^\d{1,3}$/.test(lines.join()) ? { ok: true, value: Number(lines[0]) } :
 *     { ok: false, error: { code: "invalid-value", header: "", message: "expected 0-999" } }),
 *   serialize: (n) => String(n),
 * });
 * retryCount.parse("3");   // { ok: true, value: 3 }
 * ```
 * @public
 */
export function defineHeader<Name extends string, Value>(definition: {
  readonly name: Name;
  readonly parse: (lines: readonly string[]) => ParseResult<Value>;
  readonly serialize: (value: Value) => string;
  readonly merge?: ((existing: Value, added: Value) => Value) | undefined;
}): HeaderCodec<Lowercase<Name>, Value> {
  // Each field is read once, and a getter that throws becomes the library's TypeError.
  let given: unknown;
  let parse: typeof definition.parse;
  let serialize: typeof definition.serialize;
  let merge: typeof definition.merge;
  try {
    ({ name: given, parse, serialize, merge } = definition);
  } catch (error) {
    throw asLibraryError(error, "defineHeader's argument");
  }
  const name = typeof given === "string" ? given.toLowerCase() : "";
  if (!isToken(name)) throw new TypeError(`typed-headers: defineHeader: ${describeValue(given)} is not a header name (token).`);
  if (typeof parse !== "function" || typeof serialize !== "function") {
    throw new TypeError(`typed-headers: defineHeader(${name}): parse and serialize must be functions.`);
  }
  if (findCodec(name) !== undefined) throw new TypeError(`typed-headers: defineHeader: "${name}" is already registered.`);
  const codec = codecOf<Lowercase<Name>, Value>({
    name: name as Lowercase<Name>,
    // A grammar of someone else's may accept any character and may throw: screen CR, LF, NUL and
    // non-bytes out first, and turn a throw into an error result.
    parse: (value) => {
      const lines = typeof value === "string" ? [value] : value;
      const problem = forbiddenCharError(lines);
      if (problem !== undefined) return { ok: false, error: problem };
      try {
        return parse(lines);
      } catch {
        return { ok: false, error: { code: "invalid-input", header: "", message: "the header's parser threw." } };
      }
    },
    serialize,
    ...(typeof merge === "function" ? { merge } : {}),
  });
  table.set(name, codec as AnyCodec);
  return codec;
}
