import { describeValue } from "../syntax/describe.js";
import type { ParseResult } from "../syntax/result.js";

/**
 * A header's grammar before `codecOf` wraps it into its `HeaderCodec`: `parse` takes one
 * field line as a string (the common case, without wrapping it in an array) or several as an
 * array (never empty, always strings), rejects CR, LF, NUL and characters above U+00FF itself,
 * and never throws; `serialize` reads the caller's value once, emits only what it checked, and
 * throws through `invalidValue`.
 * @internal
 */
export interface RegisteredDefinition<Name extends string = string, Value = unknown> {
  readonly name: Name;
  readonly parse: (value: string | readonly string[]) => ParseResult<Value>;
  readonly serialize: (value: Value) => string;
  readonly merge?: (existing: Value, added: Value) => Value;
  /**
   * Set by headers whose parsed values are primitives or arrays of primitives, which the codec
   * can hand out again for the same line (see `codecOf`).
   */
  readonly reusable?: true;
  /**
   * Set by a built-in header whose serializer builds its output only from pieces it has checked
   * one by one (no CR, LF, NUL, character above U+00FF or surrounding whitespace can get in, which
   * its property laws and the attack suite test with hostile values): `serializeWith` then does
   * not scan the output again. Headers made with `defineHeader` never have it.
   */
  readonly checksOwnOutput?: true;
  /** The last value serialized through the registry, and its output (see `serializeWith`). */
  lastSerialized?: readonly [Value, string];
}

/** Throws the serializers' TypeError: `typed-headers: cannot serialize <name>: <why>`. @internal */
export function invalidValue(name: string, value: unknown, expected: string): never {
  throw new TypeError(`typed-headers: cannot serialize ${name}: expected ${expected}, got ${describeValue(value)}`);
}
