import { describeValue } from "../syntax/describe.js";
import type { ParseResult } from "../syntax/result.js";

/**
 * How one header is parsed and serialized. Built-in headers and those added with
 * `defineHeader` share this shape.
 *
 * @example
 * ```ts
 * const timingAllowOrigin: HeaderDefinition<"timing-allow-origin", "*"> = {
 *   name: "timing-allow-origin",
 *   parse: (lines) => (lines.join(",").trim() === "*" ? { ok: true, value: "*" }
 *     : { ok: false, error: { code: "invalid", header: "", message: "expected *" } }),
 *   serialize: () => "*",
 * };
 * defineHeader(timingAllowOrigin);
 * ```
 * @public
 */
export interface HeaderDefinition<Name extends string = string, Value = unknown> {
  /** The header name, lowercase. */
  readonly name: Name;
  /**
   * Parses the header's field lines (at least one; each already free of CR, LF, NUL and
   * characters above U+00FF, but not trimmed). Must not throw. Error offsets index the
   * combined value (lines joined with `", "`); the `header` field is filled in by the registry.
   */
  readonly parse: (lines: readonly string[]) => ParseResult<Value>;
  /**
   * Serializes a value to one field value in canonical form. Must throw `TypeError` when
   * `value` is not valid at runtime; the registry rejects output with CR, LF, NUL, characters
   * above U+00FF, or leading or trailing whitespace.
   */
  readonly serialize: (value: Value) => string;
  /**
   * For list headers: the value after `added` is appended to `existing` (used by
   * `HeaderMap.append`). Headers without it hold one value, and appending to one that is
   * present is an error.
   */
  readonly merge?: (existing: Value, added: Value) => Value;
}

/**
 * A definition as the registry holds it: `parse` takes one field line as a string (the common
 * case, without wrapping it in an array) or several as an array, and rejects CR, LF, NUL and
 * characters above U+00FF itself (every built-in grammar does).
 * @internal
 */
export interface RegisteredDefinition<Name extends string = string, Value = unknown> {
  readonly name: Name;
  readonly parse: (value: string | readonly string[]) => ParseResult<Value>;
  readonly serialize: (value: Value) => string;
  readonly merge?: (existing: Value, added: Value) => Value;
  /** The last value serialized through the registry, and its output (see `serializeWith`). */
  lastSerialized?: readonly [Value, string];
}

/** Throws the serializers' TypeError: `typed-headers: cannot serialize <name>: <why>`. @internal */
export function invalidValue(name: string, value: unknown, expected: string): never {
  throw new TypeError(`typed-headers: cannot serialize ${name}: expected ${expected}, got ${describeValue(value)}`);
}
