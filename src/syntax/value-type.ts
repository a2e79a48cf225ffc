import { describeValue, kindOf, notAString } from "./describe.js";
import type { ParseResult } from "./result.js";

/**
 * The companion object of a branded value type: a parser that never throws, a constructor that
 * throws `TypeError`, and a type guard.
 *
 * @example
 * ```ts
 * function parseAll<T>(type: ValueType<T>, inputs: string[]): T[] {
 *   return inputs.map((s) => type.from(s));
 * }
 * parseAll(Method, ["GET", "PURGE"]);
 * ```
 * @public
 */
export interface ValueType<T, Input = string> {
  /** Parses `input`; never throws (anything but a string gives the error `invalid-input`). */
  parse(input: string): ParseResult<T>;
  /** Returns the branded value, or throws a `TypeError` naming the type and the input. */
  from(input: Input): T;
  /** Whether `value` already is a valid, canonical `T`. */
  is(value: unknown): value is T;
}

/** Builds a {@link ValueType} from a parser and a guard. @internal */
export function valueType<T>(
  typeName: string,
  parse: (input: string) => ParseResult<T>,
  is: (value: unknown) => value is T,
): ValueType<T> {
  return {
    // JavaScript callers may pass anything: a non-string is an error result, never a throw.
    parse: (input: string) => (typeof input === "string" ? parse(input) : notAString(input)),
    from(input: string): T {
      if (typeof input !== "string") {
        throw new TypeError(`typed-headers: ${typeName}.from expects a string, got ${kindOf(input)}.`);
      }
      const result = parse(input);
      if (result.ok) return result.value;
      throw new TypeError(`typed-headers: ${typeName}.from(${describeValue(input)}): ${result.error.message}`);
    },
    is,
  };
}
