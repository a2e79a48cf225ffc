// Running a header definition on untrusted input: the checks and error details shared by the
// registry (parseHeader, serializeHeader, HeaderMap) and the standalone header codecs.
import { describeChar, indexOfForbiddenChar } from "../syntax/chars.js";
import type { HeaderError, ParseResult } from "../syntax/result.js";
import type { RegisteredDefinition } from "./definition.js";

/**
 * One header's parser and serializer on their own: what {@link parseHeader} and
 * {@link serializeHeader} do for that header, without the registry and the other headers'
 * grammars, for bundles that handle a single header (`typed-headers/headers`).
 *
 * @example
 * ```ts
 * import { accessControlMaxAgeHeader, DeltaSeconds } from "typed-headers/headers";
 * accessControlMaxAgeHeader.parse("600");    // { ok: true, value: 600 }
 * accessControlMaxAgeHeader.serialize(DeltaSeconds.from(600));  // "600"
 * ```
 * @public
 */
export interface HeaderCodec<Name extends string, Value> {
  /** The header name, lowercase. */
  readonly name: Name;
  /** Parses the header exactly as `parseHeader(name, value)` does. Never throws. */
  readonly parse: (value: FieldLines) => ParseResult<Value>;
  /** Serializes exactly as `serializeHeader(name, value)` does; throws `TypeError` for an invalid value. */
  readonly serialize: (value: Value) => string;
}

/**
 * What a header's value can be given as: one field line, the field lines in order, or absent.
 *
 * @example
 * ```ts
 * parseHeader("vary", "Origin");                       // one field line
 * parseHeader("vary", ["Origin", "Accept-Encoding"]);  // two lines of a repeated header
 * parseHeader("vary", undefined);                      // absent: error "missing"
 * ```
 * @public
 */
export type FieldLines = string | readonly string[] | null | undefined;

/** The standalone codec of a built-in definition. @internal */
export function codecOf<Name extends string, Value>(definition: RegisteredDefinition<Name, Value>): HeaderCodec<Name, Value> {
  return {
    name: definition.name,
    parse: (value) => parseWith(definition, value),
    serialize: (value) => serializeWith(definition, value),
  };
}

/** Parses `value` with `definition`, checking the input's shape. Never throws. @internal */
export function parseWith<Value>(definition: RegisteredDefinition<string, Value>, value: unknown): ParseResult<Value> {
  if (typeof value !== "string") {
    const problem = lineArrayProblem(value);
    if (problem !== undefined) return attach(problem, definition.name);
  }
  const result = definition.parse(value as string | readonly string[]);
  if (result.ok) return result;
  return attach(forbiddenCharError(value as string | readonly string[]) ?? result.error, definition.name);
}

/** Why `value` is not a non-empty array of strings, if it is not. */
function lineArrayProblem(value: unknown): HeaderError | undefined {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    return { code: "missing", header: "", message: "the header is absent." };
  }
  for (const line of Array.isArray(value) ? (value as readonly unknown[]) : [value]) {
    if (typeof line !== "string") {
      return { code: "invalid-input", header: "", message: `expected a string or an array of strings, found a ${typeof line}.` };
    }
  }
  return undefined;
}

/**
 * The `invalid-character` error for the first CR, LF, NUL or character above U+00FF in the
 * field lines, if any. Built-in grammars reject these characters anyway; this names the cause.
 */
export function forbiddenCharError(value: string | readonly string[]): HeaderError | undefined {
  let base = 0;
  for (const line of typeof value === "string" ? [value] : value) {
    const i = indexOfForbiddenChar(line);
    if (i !== -1) {
      return {
        code: "invalid-character",
        header: "",
        message: `found ${describeChar(line, i)} at offset ${base + i}: no field value holds CR, LF, NUL or a character above U+00FF.`,
        offset: base + i,
      };
    }
    base += line.length + 2;
  }
  return undefined;
}

/** `error` for the header `name`, its message prefixed with the name as written in docs (`Access-Control-Max-Age`). */
function attach(error: HeaderError, name: string): ParseResult<never> {
  const displayName = name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
  return { ok: false, error: { ...error, header: name, message: `${displayName}: ${error.message}` } };
}

/**
 * Serializes `value` with `definition`. The output for the last value serialized is reused when
 * the same value comes again: servers set the same configured values on every response, and
 * validating them is most of the cost (bench/map.bench.ts). Only values that cannot change are
 * remembered — primitives and frozen objects, which stay frozen — so a hit needs no other check.
 * @internal
 */
export function serializeWith<Value>(definition: RegisteredDefinition<string, Value>, value: Value): string {
  const last = definition.lastSerialized;
  if (last !== undefined && last[0] === value) return last[1];
  const output = definition.serialize(value);
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) definition.lastSerialized = [value, output];
  return output;
}
