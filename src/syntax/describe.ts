// Describing a caller's value in an error message, safely: the value may be anything a
// JavaScript caller passes (a BigInt, a Symbol, a circular object, a Proxy whose traps throw, an
// object whose toJSON or toString throws), and building the message must never throw in its turn.
// Throwing APIs throw only the library's TypeError: `asLibraryError` turns whatever a caller's
// object threw while being read into one.

import { fail, type Failure } from "./result.js";

/** The longest description put in a message; longer ones are cut with "…". */
const MAX_SHOWN = 120;

/**
 * `value` as it reads in an error message: JSON for strings and plain data, `typeof` otherwise
 * (`a bigint`, `a symbol`, `an object` when JSON cannot show it). Never throws.
 * @internal
 */
export function describeValue(value: unknown): string {
  let shown: string | undefined;
  try {
    if (typeof value === "bigint") shown = `${value.toString()}n`;
    else if (typeof value === "number")
      shown = String(value); // NaN and Infinity, which JSON shows as null
    else if (typeof value !== "symbol" && typeof value !== "function") shown = JSON.stringify(value);
  } catch {
    // A circular value, a throwing toJSON or getter, a Proxy: fall back to its type.
  }
  if (typeof shown !== "string") return kindOf(value);
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 1)}…` : shown;
}

/** `a string`, `an object`, `null`…: what kind of value `value` is. Never throws. @internal */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  const type = typeof value;
  return type === "undefined" ? "undefined" : `${type === "object" ? "an" : "a"} ${type}`;
}

/** The `invalid-input` failure of a parser given something other than a string. @internal */
export function notAString(value: unknown): Failure {
  return fail("invalid-input", `expected a string, found ${kindOf(value)}.`);
}

/**
 * `error` if it is the library's own TypeError (message prefix `typed-headers:`), else a new
 * one saying `what` threw: a caller's getter, iterator or Proxy may throw anything.
 * @internal
 */
export function asLibraryError(error: unknown, what: string): TypeError {
  if (error instanceof TypeError && error.message.startsWith("typed-headers:")) return error;
  return new TypeError(`typed-headers: ${what} threw while being read (${error instanceof Error ? error.name : kindOf(error)}).`);
}
