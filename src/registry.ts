import { accessControlAllowCredentials } from "./headers/access-control-allow-credentials.js";
import { accessControlAllowHeaders } from "./headers/access-control-allow-headers.js";
import { accessControlAllowMethods } from "./headers/access-control-allow-methods.js";
import { accessControlAllowOrigin, type AllowOriginValue } from "./headers/access-control-allow-origin.js";
import { accessControlAllowPrivateNetwork } from "./headers/access-control-allow-private-network.js";
import { accessControlExposeHeaders } from "./headers/access-control-expose-headers.js";
import { accessControlMaxAge } from "./headers/access-control-max-age.js";
import { accessControlRequestHeaders } from "./headers/access-control-request-headers.js";
import { accessControlRequestMethod } from "./headers/access-control-request-method.js";
import { accessControlRequestPrivateNetwork } from "./headers/access-control-request-private-network.js";
import { forbiddenCharError, parseWith, serializeWith, type FieldLines } from "./headers/codec.js";
import type { HeaderDefinition, RegisteredDefinition } from "./headers/definition.js";
import { origin, type OriginValue } from "./headers/origin.js";
import { vary, type VaryValue } from "./headers/vary.js";
import { indexOfForbiddenChar, isOws } from "./syntax/chars.js";
import type { DeltaSeconds } from "./syntax/delta-seconds.js";
import type { FieldName } from "./syntax/field-name.js";
import type { Method } from "./syntax/method.js";
import type { ParseResult } from "./syntax/result.js";
import { isToken } from "./syntax/token.js";

/**
 * The value type of every registered header, by lowercase name. Other libraries add headers by
 * declaration merging together with {@link defineHeader}:
 *
 * @example
 * ```ts
 * declare module "typed-headers" {
 *   interface HeaderRegistry { "timing-allow-origin": "*" | readonly OriginValue[] }
 * }
 * ```
 * @public
 */
export interface HeaderRegistry {
  /** `Origin`: the request's serialized origin, or `"null"`. */
  origin: OriginValue;
  /** `Access-Control-Request-Method`: the method of the actual request. */
  "access-control-request-method": Method;
  /** `Access-Control-Request-Headers`: the CORS-unsafe request header names (at least one). */
  "access-control-request-headers": readonly FieldName[];
  /** `Access-Control-Request-Private-Network`: the literal `true`. */
  "access-control-request-private-network": true;
  /** `Access-Control-Allow-Origin`: `*`, `null` or one serialized origin. */
  "access-control-allow-origin": AllowOriginValue;
  /** `Access-Control-Allow-Credentials`: the literal `true` (there is no `false`). */
  "access-control-allow-credentials": true;
  /** `Access-Control-Allow-Methods`: methods, case kept; `*` is a wildcard without credentials. */
  "access-control-allow-methods": readonly (Method | "*")[];
  /** `Access-Control-Allow-Headers`: lowercase names; `*` is a wildcard without credentials. */
  "access-control-allow-headers": readonly (FieldName | "*")[];
  /** `Access-Control-Expose-Headers`: lowercase names; `*` is a wildcard without credentials. */
  "access-control-expose-headers": readonly (FieldName | "*")[];
  /** `Access-Control-Max-Age`: seconds the preflight result may be cached. */
  "access-control-max-age": DeltaSeconds;
  /** `Access-Control-Allow-Private-Network`: the literal `true`. */
  "access-control-allow-private-network": true;
  /** `Vary`: `*` or lowercase field names. */
  vary: VaryValue;
}

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
export type KnownHeaderName<N extends string> = string extends N
  ? N
  : Lowercase<N> extends HeaderName
    ? N
    : HeaderName;

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

type AnyDefinition = RegisteredDefinition<string, unknown>;

/** The headers added with {@link defineHeader}, by lowercase name (the built-ins are in `builtin`). */
const custom = new Map<string, AnyDefinition>();

/** The definition registered under `name` in any casing. @internal */
export function findDefinition(name: string): AnyDefinition | undefined {
  const definition = builtin(name) ?? custom.get(name);
  if (definition !== undefined) return definition;
  const lowercase = name.toLowerCase();
  return builtin(lowercase) ?? custom.get(lowercase);
}

/**
 * Whether `name` is a built-in header name, exactly lowercase: then it needs no lowercasing,
 * and the registry's switch says so faster than `toLowerCase` copies it (bench/policy.bench.ts).
 * @internal
 */
export function isLowercaseBuiltinName(name: string): boolean {
  return builtin(name) !== undefined;
}

/**
 * The built-in definition for an exactly-lowercase name. A string switch compares interned
 * literals by identity, which is cheaper than hashing: this is the hot path of parseHeader.
 */
function builtin(name: string): AnyDefinition | undefined {
  switch (name) {
    case "origin":
      return origin as AnyDefinition;
    case "access-control-request-method":
      return accessControlRequestMethod as AnyDefinition;
    case "access-control-request-headers":
      return accessControlRequestHeaders as AnyDefinition;
    case "access-control-allow-origin":
      return accessControlAllowOrigin as AnyDefinition;
    case "access-control-allow-credentials":
      return accessControlAllowCredentials as AnyDefinition;
    case "access-control-allow-methods":
      return accessControlAllowMethods as AnyDefinition;
    case "access-control-allow-headers":
      return accessControlAllowHeaders as AnyDefinition;
    case "access-control-expose-headers":
      return accessControlExposeHeaders as AnyDefinition;
    case "access-control-max-age":
      return accessControlMaxAge as AnyDefinition;
    case "access-control-request-private-network":
      return accessControlRequestPrivateNetwork as AnyDefinition;
    case "access-control-allow-private-network":
      return accessControlAllowPrivateNetwork as AnyDefinition;
    case "vary":
      return vary as AnyDefinition;
    default:
      return undefined;
  }
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
  const definition = typeof name === "string" ? findDefinition(name) : undefined;
  if (definition === undefined) return unknownHeader(name);
  return parseWith(definition, value) as ParseResult<HeaderValue<N>>;
}

/** The `unknown-header` error result for `name`. @internal */
export function unknownHeader(name: unknown): ParseResult<never> {
  return {
    ok: false,
    error: { code: "unknown-header", header: typeof name === "string" ? name.toLowerCase() : "", message: unknownHeaderMessage(name) },
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
  return serializeWith(definitionOrThrow(name), value);
}

/** The definition of `name`, or a TypeError for an unknown header. @internal */
export function definitionOrThrow(name: unknown): AnyDefinition {
  const definition = typeof name === "string" ? findDefinition(name) : undefined;
  if (definition === undefined) {
    throw new TypeError(`typed-headers: ${unknownHeaderMessage(name)}`);
  }
  return definition;
}

/** Whether `s` can be sent as a field value: no CR/LF/NUL, bytes only, no surrounding SP/HTAB. */
function isFieldValue(s: string): boolean {
  return indexOfForbiddenChar(s) === -1 && !isOws(s.charCodeAt(0)) && !isOws(s.charCodeAt(s.length - 1));
}

/**
 * Registers a header so that {@link parseHeader}, {@link serializeHeader} and `HeaderMap` handle
 * it. Pair it with declaration merging into {@link HeaderRegistry} for typing.
 *
 * @remarks
 * The name is lowercased and must be a token not registered yet (built-in headers cannot be
 * replaced). `parse` must not throw; `serialize` must throw `TypeError` for invalid values.
 *
 * @example
 * ```ts
 * declare module "typed-headers" {
 *   interface HeaderRegistry { "x-retry-count": number }
 * }
 * defineHeader({
 *   name: "x-retry-count",
 *   parse: (lines) => (/^\d{1,3}$/.test(lines.join()) ? { ok: true, value: Number(lines[0]) } :
 *     { ok: false, error: { code: "invalid", header: "", message: "expected 0-999" } }),
 *   serialize: (n) => String(n),
 * });
 * ```
 * @public
 */
export function defineHeader<Name extends string, Value>(
  definition: HeaderDefinition<Name, Value>,
): HeaderDefinition<Lowercase<Name>, Value> {
  const name = typeof definition?.name === "string" ? definition.name.toLowerCase() : "";
  if (!isToken(name)) throw new TypeError(`typed-headers: defineHeader: ${JSON.stringify(definition?.name)} is not a header name (token).`);
  if (typeof definition.parse !== "function" || typeof definition.serialize !== "function") {
    throw new TypeError(`typed-headers: defineHeader(${name}): parse and serialize must be functions.`);
  }
  if (findDefinition(name) !== undefined) throw new TypeError(`typed-headers: defineHeader: "${name}" is already registered.`);
  const { parse, serialize, merge } = definition;
  custom.set(name, {
    ...(merge === undefined ? {} : { merge: merge as (existing: unknown, added: unknown) => unknown }),
    name,
    // Custom grammars may accept any character: screen CR, LF, NUL and non-bytes out first.
    parse: (value) => {
      const lines = typeof value === "string" ? [value] : value;
      const problem = forbiddenCharError(lines);
      return problem === undefined ? parse(lines) : { ok: false, error: problem };
    },
    // Built-in serializers validate their values; a custom one's output is checked here.
    serialize: (value) => {
      const output: unknown = serialize(value as Value);
      if (typeof output !== "string" || !isFieldValue(output)) {
        throw new TypeError(
          `typed-headers: the serializer of ${name} returned ${JSON.stringify(output)}, which is not a valid field value.`,
        );
      }
      return output;
    },
  });
  return { ...definition, name: name as Lowercase<Name> };
}
