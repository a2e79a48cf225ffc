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
  return (
    c === 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)
  );
}

/** The number of days in `month` (0–11) of the Gregorian `year`. */
function daysInMonth(year: number, month: number): number {
  if (month !== 1) return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Where the last {@link digitsAt} stopped (a module variable rather than a tuple per call). */
let digitsEnd = 0;

/**
 * Reads `min*max DIGIT` at `s[i]` (before `end`), not followed by another digit: the number, with
 * the index after it in `digitsEnd`, or -1.
 */
function digitsAt(s: string, i: number, end: number, min: number, max: number): number {
  let value = 0;
  let j = i;
  while (j < end && isDigit(s.charCodeAt(j))) {
    if (j - i === max) return -1; // a digit where a non-digit must follow
    value = value * 10 + (s.charCodeAt(j) - 0x30);
    j++;
  }
  digitsEnd = j;
  return j - i >= min ? value : -1;
}

/** The month (0–11) named by the three letters at `s[i]`, in any case, or -1. */
function monthAt(s: string, i: number): number {
  const key = ((s.charCodeAt(i) | 0x20) << 16) | ((s.charCodeAt(i + 1) | 0x20) << 8) | (s.charCodeAt(i + 2) | 0x20);
  for (let m = 0; m < 12; m++) if (MONTH_KEYS[m] === key) return m;
  return -1;
}

const MONTH_KEYS: readonly number[] = /* @__PURE__ */ Array.from({ length: 12 }, (_, m) => {
  const at = m * 3;
  return (MONTHS.charCodeAt(at) << 16) | (MONTHS.charCodeAt(at + 1) << 8) | MONTHS.charCodeAt(at + 2);
});

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
      if (h !== -1 && s.charCodeAt(digitsEnd) === 0x3a) {
        const m = digitsAt(s, digitsEnd + 1, i, 1, 2);
        if (m !== -1 && s.charCodeAt(digitsEnd) === 0x3a) {
          const sec = digitsAt(s, digitsEnd + 1, i, 1, 2);
          if (sec !== -1) {
            hour = h;
            minute = m;
            second = sec;
            continue;
          }
        }
      }
    }
    if (day === -1) {
      const d = digitsAt(s, tokenStart, i, 1, 2);
      if (d !== -1) {
        day = d;
        continue;
      }
    }
    if (month === -1 && i - tokenStart >= 3) {
      month = monthAt(s, tokenStart);
      if (month !== -1) continue;
    }
    if (year === -1) {
      const y = digitsAt(s, tokenStart, i, 2, 4);
      if (y !== -1) year = y < 70 ? y + 2000 : y < 100 ? y + 1900 : y;
    }
  }
  if (hour === -1 || day < 1 || day > 31 || month === -1 || year < 1601 || hour > 23 || minute > 59 || second > 59) return NaN;
  // A date that does not exist (February 30) fails, where Date.UTC would roll it over.
  if (day > 28 && day > daysInMonth(year, month)) return NaN;
  return Date.UTC(year, month, day, hour, minute, second);
}
