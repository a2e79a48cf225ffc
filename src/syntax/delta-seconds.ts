import type { Brand } from "./brand.js";
import { describeChar } from "./chars.js";
import { describeValue, notAString } from "./describe.js";
import { fail, ok, type ParseResult } from "./result.js";
import type { ValueType } from "./value-type.js";

/**
 * A number of seconds: an integer from 0 to 2147483648 (2^31) inclusive.
 *
 * @example
 * ```ts
 * const maxAge: DeltaSeconds = DeltaSeconds.from(600);
 * // const bad: DeltaSeconds = 600;   // does not compile: use DeltaSeconds.from
 * ```
 * @public
 */
export type DeltaSeconds = Brand<number, "DeltaSeconds">;

/** The largest delta-seconds value; larger inputs clamp to it (RFC 9111 §1.2.2). */
const MAX_DELTA_SECONDS = 2147483648;

//   delta-seconds = 1*DIGIT    (RFC 9111 §1.2.2)
// A recipient that sees a value larger than it can represent uses 2147483648 (2^31).
/** Parses `s[start, end)` as delta-seconds. @internal */
export function scanDeltaSeconds(s: string, start: number, end: number): ParseResult<DeltaSeconds> {
  if (start === end) {
    return fail("invalid-delta-seconds", "expected delta-seconds, found an empty value.", start);
  }
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = s.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return notDigitAt(s, i, start);
    if (value < MAX_DELTA_SECONDS) value = value * 10 + digit;
  }
  return ok((value > MAX_DELTA_SECONDS ? MAX_DELTA_SECONDS : value) as DeltaSeconds);
}

function notDigitAt(s: string, i: number, start: number): ParseResult<never> {
  const why =
    i === start && s.charCodeAt(i) === 0x2d
      ? "browsers do not cache a preflight with a negative max-age"
      : "only digits are allowed; browsers then cache a preflight for the default 5 s";
  return fail("invalid-delta-seconds", `expected delta-seconds, found ${describeChar(s, i)} at offset ${i}: ${why}.`, i);
}

function isDeltaSeconds(value: unknown): value is DeltaSeconds {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DELTA_SECONDS;
}

/**
 * Parse, construct and recognise {@link (DeltaSeconds:type)} values.
 *
 * @remarks
 * `parse` follows the header grammar (`1*DIGIT`, leading zeros allowed, larger values clamp to
 * 2147483648). `from` also takes a number, which must be an integer in range.
 *
 * @example
 * ```ts
 * DeltaSeconds.from(600);      // 600
 * DeltaSeconds.parse("007");   // { ok: true, value: 7 }
 * DeltaSeconds.parse("-1");    // { ok: false, error: { code: "invalid-delta-seconds", … } }
 * ```
 * @public
 */
export const DeltaSeconds: ValueType<DeltaSeconds, number | string> = {
  // Only strings follow the header grammar: a number or any other value is `invalid-input`.
  parse: (input: string) => (typeof input === "string" ? scanDeltaSeconds(input, 0, input.length) : notAString(input)),
  from(input: number | string): DeltaSeconds {
    if (typeof input === "string") {
      const result = scanDeltaSeconds(input, 0, input.length);
      if (result.ok) return result.value;
      throw new TypeError(`typed-headers: DeltaSeconds.from(${describeValue(input)}): ${result.error.message}`);
    }
    if (isDeltaSeconds(input)) return input;
    throw new TypeError(
      `typed-headers: DeltaSeconds.from(${describeValue(input)}): expected an integer from 0 to ${MAX_DELTA_SECONDS}.`,
    );
  },
  is: isDeltaSeconds,
};
