import { DeltaSeconds, scanDeltaSeconds } from "../../syntax/delta-seconds.js";
import { formatHttpDate, httpDateTime, scanHttpDate, type HttpDate } from "../../syntax/http-date.js";
import { fail } from "../../syntax/result.js";
import { parseSingleLine } from "../../syntax/single.js";
import { codecOf, type HeaderCodec } from "../codec.js";
import { invalidValue } from "../definition.js";

//   Retry-After = HTTP-date / delay-seconds    (RFC 9110 §10.2.3)
//   delay-seconds = 1*DIGIT
// A value that starts with a digit is a delay (an HTTP-date starts with a day name); delays
// above 2147483648 s clamp to it, as delta-seconds do (RFC 9111 §1.2.2).

/**
 * `Retry-After`: how long to wait before the next request, as a date (`HttpDate`) or a delay in
 * seconds (`DeltaSeconds`).
 *
 * @example
 * ```ts
 * retryAfterHeader.parse("120");                            // { ok: true, value: 120 }
 * retryAfterHeader.serialize(HttpDate.from("Fri, 31 Dec 1999 23:59:59 GMT"));
 * ```
 * @public
 */
export const retryAfterHeader: HeaderCodec<"retry-after", HttpDate | DeltaSeconds> = /* @__PURE__ */ codecOf({
  name: "retry-after",
  parse: (value) =>
    parseSingleLine<HttpDate | DeltaSeconds>(value, (s, start, end) => {
      const c = s.charCodeAt(start);
      if (!(c >= 0x30 && c <= 0x39)) return scanHttpDate(s, start, end);
      const delay = scanDeltaSeconds(s, start, end);
      // delta-seconds' own message speaks of preflights; a delay has its own words.
      return delay.ok
        ? delay
        : fail(
            "invalid-delta-seconds",
            `expected a delay in whole seconds (digits only) or an HTTP-date, found "${s.slice(start, end)}".`,
            start,
          );
    }),
  serialize: (value) => {
    if (typeof value === "number") {
      return DeltaSeconds.is(value) ? String(value) : invalidValue("retry-after", value, "an integer from 0 to 2147483648");
    }
    const time = httpDateTime(value);
    return time === time ? formatHttpDate(time) : invalidValue("retry-after", value, "an HttpDate or a DeltaSeconds");
  },
});
