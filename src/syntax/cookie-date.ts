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

// One table lookup per character instead of five range tests (every character of an Expires
// value is classified): 1 marks a delimiter. Code units from %x7F up are non-delimiters.
const DELIMITERS = /* @__PURE__ */ delimiterTable();

function delimiterTable(): Uint8Array {
  const table = new Uint8Array(0x7f);
  for (let c = 0; c < 0x7f; c++) {
    table[c] =
      c === 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60) || c >= 0x7b ? 1 : 0;
  }
  return table;
}

/** Whether `c` is a cookie-date delimiter. */
function isDelimiter(c: number): boolean {
  return c < 0x7f && DELIMITERS[c] === 1;
}

/** The number of days in `month` (0–11) of the Gregorian `year`. */
function daysInMonth(year: number, month: number): number {
  if (month !== 1) return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * Days from 1970-01-01 to the Gregorian date (`month` 0–11, `year` ≥ 1601), as Date.UTC counts
 * them: computed here because calling Date.UTC costs as much as scanning the whole date. Years
 * start in March so that the leap day ends one (H. Hinnant's days_from_civil).
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month < 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 10) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Where the last {@link digitsAt} stopped (a module variable rather than a tuple per call). */
let digitsEnd = 0;

/**
 * Reads the digits at `s[i]` (before `end`): their number, with the index after them in
 * `digitsEnd`, so that their count is `digitsEnd - i` (0 when `s[i]` is not a digit).
 */
function digitsAt(s: string, i: number, end: number): number {
  let value = 0;
  let j = i;
  for (; j < end; j++) {
    const digit = s.charCodeAt(j) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  digitsEnd = j;
  return value;
}

/** Whether the last {@link digitsAt} from `i` read one or two digits (a time-field, a day-of-month). */
function readOneOrTwo(i: number): boolean {
  return digitsEnd - i === 1 || digitsEnd - i === 2;
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
  if (end - start === 29) {
    const time = imfFixdateAt(s, start);
    if (time !== -1) return time;
  }
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
    // The digits the token starts with, read once for the time, day and year rules.
    const value = digitsAt(s, tokenStart, i);
    const digits = digitsEnd - tokenStart;
    if (hour === -1 && readOneOrTwo(tokenStart) && s.charCodeAt(digitsEnd) === 0x3a) {
      const minuteStart = digitsEnd + 1;
      const m = digitsAt(s, minuteStart, i);
      if (readOneOrTwo(minuteStart) && s.charCodeAt(digitsEnd) === 0x3a) {
        const secondStart = digitsEnd + 1;
        const sec = digitsAt(s, secondStart, i);
        if (readOneOrTwo(secondStart)) {
          hour = value;
          minute = m;
          second = sec;
          continue;
        }
      }
    }
    if (day === -1 && digits >= 1 && digits <= 2) {
      day = value;
      continue;
    }
    if (month === -1 && i - tokenStart >= 3) {
      month = monthAt(s, tokenStart);
      if (month !== -1) continue;
    }
    if (year === -1 && digits >= 2 && digits <= 4) year = fullYear(value);
  }
  return hour === -1 ? NaN : instant(year, month, day, hour, minute, second);
}

/** The year a year token's number means: 70–99 are 19xx, 0–69 are 20xx. */
function fullYear(value: number): number {
  return value < 70 ? value + 2000 : value < 100 ? value + 1900 : value;
}

/** The instant of a date whose parts were found (day and year -1 when not), or NaN when one is out of range. */
function instant(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (day < 1 || day > 31 || month === -1 || year < 1601 || hour > 23 || minute > 59 || second > 59) return NaN;
  // A date that does not exist (February 30) fails, where counting days would roll it over.
  if (day > 28 && day > daysInMonth(year, month)) return NaN;
  return (daysSinceEpoch(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * 1000;
}

/** The number of the two digits at `s[i]`, or -1. */
function twoDigitsAt(s: string, i: number): number {
  const tens = s.charCodeAt(i) - 0x30;
  const ones = s.charCodeAt(i + 1) - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function isLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/**
 * The date in the one form servers send (RFC 9110's IMF-fixdate, `Wed, 21 Oct 2037 07:28:00
 * GMT`) at `s[start]`, read at fixed offsets: the same instant the token scan finds, or -1 when
 * `s` is not in that form (then the scan decides). In that form the scan meets a three-letter
 * token that is not a month (the day name: ignored), then the day, the month, a four-digit year
 * and the time, and ignores what follows, since every part has been found.
 */
function imfFixdateAt(s: string, start: number): number {
  const day = twoDigitsAt(s, start + 5);
  const high = twoDigitsAt(s, start + 12);
  const low = twoDigitsAt(s, start + 14);
  const hour = twoDigitsAt(s, start + 17);
  const minute = twoDigitsAt(s, start + 20);
  const second = twoDigitsAt(s, start + 23);
  if (
    (day | high | low | hour | minute | second) < 0 ||
    !isLetter(s.charCodeAt(start)) ||
    !isLetter(s.charCodeAt(start + 1)) ||
    !isLetter(s.charCodeAt(start + 2)) ||
    s.charCodeAt(start + 3) !== 0x2c ||
    s.charCodeAt(start + 4) !== 0x20 ||
    s.charCodeAt(start + 7) !== 0x20 ||
    s.charCodeAt(start + 11) !== 0x20 ||
    s.charCodeAt(start + 16) !== 0x20 ||
    s.charCodeAt(start + 19) !== 0x3a ||
    s.charCodeAt(start + 22) !== 0x3a ||
    s.charCodeAt(start + 25) !== 0x20 ||
    !isLetter(s.charCodeAt(start + 8)) ||
    !isLetter(s.charCodeAt(start + 9)) ||
    !isLetter(s.charCodeAt(start + 10)) ||
    monthAt(s, start) !== -1
  ) {
    return -1;
  }
  const month = monthAt(s, start + 8);
  return month === -1 ? -1 : instant(fullYear(high * 100 + low), month, day, hour, minute, second);
}
