// The cookie-date of RFC 6265bis §5.1.1, which browsers use for the Expires attribute: a lenient
// scan for a time, a day of the month, a month and a year among delimiter-separated tokens, in any
// order, so that "Wed, 09 Jun 2021 10:18:14 GMT", "Wednesday, 09-Jun-21 10:18:14 GMT" and
// "Wed Jun 9 10:18:14 2021" all give the same instant.
//
//   cookie-date     = *delimiter date-token-list *delimiter
//   date-token-list = date-token *( 1*delimiter date-token )
//   date-token      = 1*non-delimiter
//   delimiter       = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
//   non-delimiter   = %x00-08 / %x0A-1F / DIGIT / ":" / ALPHA / %x7F-FF
//   time            = hms-time ( non-digit *OCTET )
//   hms-time        = time-field ":" time-field ":" time-field
//   time-field      = 1*2DIGIT
//   day-of-month    = 1*2DIGIT ( non-digit *OCTET )
//   month           = ( "jan" / "feb" / … / "dec" ) *OCTET      ; case-insensitive
//   year            = 2*4DIGIT ( non-digit *OCTET )
//
// Each token is tried, in this order, as the first time, day of month, month and year not yet
// found. A year of 70–99 means 19xx and 0–69 means 20xx. The date fails when a part is missing,
// out of range (day 1–31, year ≥ 1601, hour ≤ 23, minute and second ≤ 59), or does not exist
// (February 30). The time zone is always UTC: "GMT" and anything else are ignored tokens.

const MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

/** Whether `c` is a cookie-date delimiter. */
function isDelimiter(c: number): boolean {
  return c === 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Reads `1*max DIGIT` at `s[i]` (before `end`), not followed by another digit: the number and
 * the index after it, or undefined.
 */
function digitsAt(s: string, i: number, end: number, min: number, max: number): [value: number, next: number] | undefined {
  let value = 0;
  let j = i;
  while (j < end && isDigit(s.charCodeAt(j))) {
    if (j - i === max) return undefined; // a digit where a non-digit must follow
    value = value * 10 + (s.charCodeAt(j) - 0x30);
    j++;
  }
  return j - i >= min ? [value, j] : undefined;
}

/**
 * Parses `s[start, end)` as a cookie-date: the instant in milliseconds since the epoch (whole
 * seconds), or NaN when a browser would ignore the Expires attribute.
 * @internal
 */
export function parseCookieDate(s: string, start: number, end: number): number {
  let hour = -1;
  let minute = 0;
  let second = 0;
  let day = -1;
  let month = -1;
  let year = -1;
  let i = start;
  while (i < end) {
    while (i < end && isDelimiter(s.charCodeAt(i))) i++;
    if (i === end) break;
    const tokenStart = i;
    while (i < end && !isDelimiter(s.charCodeAt(i))) i++;
    if (hour === -1) {
      const h = digitsAt(s, tokenStart, i, 1, 2);
      if (h !== undefined && s.charCodeAt(h[1]) === 0x3a) {
        const m = digitsAt(s, h[1] + 1, i, 1, 2);
        if (m !== undefined && s.charCodeAt(m[1]) === 0x3a) {
          const sec = digitsAt(s, m[1] + 1, i, 1, 2);
          if (sec !== undefined) {
            [hour, minute, second] = [h[0], m[0], sec[0]];
            continue;
          }
        }
      }
    }
    if (day === -1) {
      const d = digitsAt(s, tokenStart, i, 1, 2);
      if (d !== undefined) {
        day = d[0];
        continue;
      }
    }
    if (month === -1 && i - tokenStart >= 3) {
      const at = MONTHS.indexOf(s.slice(tokenStart, tokenStart + 3).toLowerCase());
      if (at !== -1 && at % 3 === 0) {
        month = at / 3;
        continue;
      }
    }
    if (year === -1) {
      const y = digitsAt(s, tokenStart, i, 2, 4);
      if (y !== undefined) year = y[0] < 70 ? y[0] + 2000 : y[0] < 100 ? y[0] + 1900 : y[0];
    }
  }
  if (hour === -1 || day < 1 || day > 31 || month === -1 || year < 1601 || hour > 23 || minute > 59 || second > 59) return NaN;
  const time = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls February 30 over into March: such a date does not exist.
  return new Date(time).getUTCDate() === day ? time : NaN;
}
