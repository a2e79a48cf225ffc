import type { Brand } from "./brand.js";
import { describeChar } from "./chars.js";
import { fail, ok, type ParseResult } from "./result.js";
import type { ValueType } from "./value-type.js";

// HTTP-date (RFC 9110 §5.6.7):
//
//   HTTP-date    = IMF-fixdate / obs-date
//   IMF-fixdate  = day-name "," SP date1 SP time-of-day SP GMT     ; Sun, 06 Nov 1994 08:49:37 GMT
//   day-name     = %s"Mon" / %s"Tue" / %s"Wed" / %s"Thu" / %s"Fri" / %s"Sat" / %s"Sun"
//   date1        = day SP month SP year
//   day          = 2DIGIT
//   month        = %s"Jan" / %s"Feb" / … / %s"Dec"
//   year         = 4DIGIT
//   GMT          = %s"GMT"
//   time-of-day  = hour ":" minute ":" second    ; 00:00:00 - 23:59:60 (leap second)
//   obs-date     = rfc850-date / asctime-date
//   rfc850-date  = day-name-l "," SP date2 SP time-of-day SP GMT  ; Sunday, 06-Nov-94 08:49:37 GMT
//   date2        = day "-" month "-" 2DIGIT
//   day-name-l   = %s"Monday" / … / %s"Sunday"
//   asctime-date = day-name SP date3 SP time-of-day SP year        ; Sun Nov  6 08:49:37 1994
//   date3        = month SP ( 2DIGIT / ( SP DIGIT ) )
//
// Recipients must accept all three forms; senders generate IMF-fixdate only. Names are
// case-sensitive. A two-digit RFC 850 year that appears more than 50 years in the future is the
// most recent past year with those digits. Choices where the RFC is silent: the day name is
// checked against the grammar but not against the date (it is redundant, and the value is the
// instant); the date itself must exist (no 31 Feb); second 60 (a leap second) is accepted and,
// as a Date cannot hold it, is the first second of the next minute.

/**
 * A timestamp as HTTP carries it: a `Date` at a whole second, from year 0000 to 9999, which
 * serializes as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
 *
 * @example
 * ```ts
 * import { statSync } from "node:fs";
 * import { HttpDate } from "typed-headers";
 *
 * const lastModified: HttpDate = HttpDate.from(statSync("public/index.html").mtime);   // milliseconds dropped
 * ```
 * @public
 */
export type HttpDate = Brand<Date, "HttpDate">;

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const LONG_DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** The first and last instants an IMF-fixdate (four-digit year) can write. */
const MIN_TIME = -62167219200000; // 0000-01-01T00:00:00Z
const MAX_TIME = 253402300799000; // 9999-12-31T23:59:59Z
/** 400 Gregorian years, which repeat the calendar exactly: 146097 days. */
const FOUR_CENTURIES = 146097 * 86400000;

const SP = 0x20;
const COMMA = 0x2c;
const DASH = 0x2d;
const COLON = 0x3a;

/**
 * The instant (milliseconds) of the HTTP-date `s[start, end)` in any of its three forms, or NaN.
 * `now` (milliseconds) places two-digit RFC 850 years. Allocates nothing for the IMF-fixdate
 * and asctime forms.
 * @internal
 */
export function httpDateMillis(s: string, start: number, end: number, now?: number): number {
  const c3 = s.charCodeAt(start + 3);
  if (c3 === COMMA) return imfFixdate(s, start, end);
  if (c3 === SP) return asctimeDate(s, start, end);
  return rfc850Date(s, start, end, now ?? Date.now());
}

/**
 * Scans `s[start, end)` as an HTTP-date in any of its three forms. `now` (milliseconds) places
 * two-digit RFC 850 years.
 * @internal
 */
export function scanHttpDate(s: string, start: number, end: number, now?: number): ParseResult<HttpDate> {
  const time = httpDateMillis(s, start, end, now);
  if (time === time) return ok(new Date(time) as HttpDate); // not NaN
  const found = start === end ? "an empty value" : `"${s.slice(start, end)}"`;
  return fail(
    "invalid-date",
    `expected an HTTP-date such as "Sun, 06 Nov 1994 08:49:37 GMT", found ${found}${hintAt(s, start, end)}.`,
    start,
  );
}

/** Where the first character that no HTTP-date holds is, if there is one. */
function hintAt(s: string, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c < 0x20) return ` (${describeChar(s, i)} at offset ${i})`;
  }
  return "";
}

// IMF-fixdate: exactly 29 characters, "Sun, 06 Nov 1994 08:49:37 GMT".
function imfFixdate(s: string, i: number, end: number): number {
  if (end - i !== 29 || nameAt(s, i, DAY_NAMES, DAY_KEYS) === -1) return NaN;
  if (s.charCodeAt(i + 4) !== SP || s.charCodeAt(i + 7) !== SP || s.charCodeAt(i + 11) !== SP) return NaN;
  if (s.charCodeAt(i + 16) !== SP || s.charCodeAt(i + 25) !== SP || !s.startsWith("GMT", i + 26)) return NaN;
  const day = twoDigits(s, i + 5);
  const month = nameAt(s, i + 8, MONTHS, MONTH_KEYS);
  const year = twoDigits(s, i + 12) * 100 + twoDigits(s, i + 14);
  return timeOf(year, month, day, s, i + 17);
}

// rfc850-date: "Sunday, 06-Nov-94 08:49:37 GMT"; the day name is 6 to 9 characters.
function rfc850Date(s: string, i: number, end: number, now: number): number {
  const name = nameAt(s, i, LONG_DAY_NAMES, DAY_KEYS);
  if (name === -1) return NaN;
  const j = i + LONG_DAY_NAMES[name]!.length; // at the ","
  if (end - j !== 24 || s.charCodeAt(j) !== COMMA || s.charCodeAt(j + 1) !== SP) return NaN;
  if (s.charCodeAt(j + 4) !== DASH || s.charCodeAt(j + 8) !== DASH || s.charCodeAt(j + 11) !== SP) return NaN;
  if (s.charCodeAt(j + 20) !== SP || !s.startsWith("GMT", j + 21)) return NaN;
  const day = twoDigits(s, j + 2);
  const month = nameAt(s, j + 5, MONTHS, MONTH_KEYS);
  const twoDigitYear = twoDigits(s, j + 9);
  if (twoDigitYear !== twoDigitYear) return NaN;
  // The year in the current century, unless that is more than 50 years ahead of `now`.
  const nowDate = new Date(now);
  const century = nowDate.getUTCFullYear() - (nowDate.getUTCFullYear() % 100);
  const time = timeOf(century + twoDigitYear, month, day, s, j + 12);
  nowDate.setUTCFullYear(nowDate.getUTCFullYear() + 50);
  return time > nowDate.getTime() ? timeOf(century - 100 + twoDigitYear, month, day, s, j + 12) : time;
}

// asctime-date: "Sun Nov  6 08:49:37 1994" (or "Sun Nov 06 …"), exactly 24 characters.
function asctimeDate(s: string, i: number, end: number): number {
  if (end - i !== 24 || nameAt(s, i, DAY_NAMES, DAY_KEYS) === -1) return NaN;
  if (s.charCodeAt(i + 7) !== SP || s.charCodeAt(i + 10) !== SP || s.charCodeAt(i + 19) !== SP) return NaN;
  const month = nameAt(s, i + 4, MONTHS, MONTH_KEYS);
  const day = s.charCodeAt(i + 8) === SP ? digitAt(s, i + 9) : twoDigits(s, i + 8);
  const year = twoDigits(s, i + 20) * 100 + twoDigits(s, i + 22);
  return timeOf(year, month, day, s, i + 11);
}

/**
 * The instant of `year-month-day` at the time-of-day `hh:mm:ss` written at `s[i]`, or NaN when
 * any part is missing or out of range, or the date does not exist.
 */
function timeOf(year: number, month: number, day: number, s: string, i: number): number {
  if (s.charCodeAt(i + 2) !== COLON || s.charCodeAt(i + 5) !== COLON) return NaN;
  const hour = twoDigits(s, i);
  const minute = twoDigits(s, i + 3);
  const second = twoDigits(s, i + 6);
  // Comparisons with NaN are false, so a part that is not two digits fails here too.
  if (!(month >= 0 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 60)) {
    return NaN;
  }
  // Date.UTC reads years 0-99 as 1900-1999; a year 400 later has the same calendar.
  const time = Date.UTC(year < 100 ? year + 400 : year, month, day, hour, minute, second);
  return year < 100 ? time - FOUR_CENTURIES : time;
}

function daysInMonth(year: number, month: number): number {
  if (month === 1) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
}

/** Three characters as one number, so that a name is found with integer comparisons. */
function key3(s: string, i: number): number {
  return (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8) | s.charCodeAt(i + 2);
}

const DAY_KEYS = /* @__PURE__ */ DAY_NAMES.map((name) => key3(name, 0));
const MONTH_KEYS = /* @__PURE__ */ MONTHS.map((name) => key3(name, 0));

/** The index in `names` (whose first three letters are `keys`) of the name written at `s[i]`, or -1. */
function nameAt(s: string, i: number, names: readonly string[], keys: readonly number[]): number {
  const key = key3(s, i);
  for (let k = 0; k < keys.length; k++) {
    if (keys[k] === key) return names[k]!.length === 3 || s.startsWith(names[k]!, i) ? k : -1;
  }
  return -1;
}

/** The value of the two digits at `s[i]`, or NaN. */
function twoDigits(s: string, i: number): number {
  return digitAt(s, i) * 10 + digitAt(s, i + 1);
}

/** The value of the digit at `s[i]`, or NaN. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * The milliseconds of `value` if it is a valid {@link (HttpDate:type)} (a `Date` at a whole
 * second in 0000-9999), else NaN. Reads the date once; never throws.
 * @internal
 */
export function httpDateTime(value: unknown): number {
  let time: number;
  try {
    time = Date.prototype.getTime.call(value as Date);
  } catch {
    return NaN;
  }
  return time % 1000 === 0 && time >= MIN_TIME && time <= MAX_TIME ? time : NaN;
}

/**
 * The IMF-fixdate of a time in milliseconds already checked by {@link httpDateTime}.
 * `toUTCString` writes exactly that form for years 0000-9999 (ECMA-262 pads the year to four
 * digits). @internal
 */
export function formatHttpDate(time: number): string {
  return new Date(time).toUTCString();
}

/** `time` (milliseconds) down to its second, before 1970 too. @internal */
export function wholeSeconds(time: number): number {
  // Speed trick: a division and Math.floor, not `%` (V8 compiles a floating-point remainder to
  // a slow instruction loop). When the quotient rounds up to a whole number, the product is one
  // second past `time` and is taken back.
  const whole = Math.floor(time / 1000) * 1000;
  return whole > time ? whole - 1000 : whole;
}

function isHttpDate(value: unknown): value is HttpDate {
  return httpDateTime(value) === httpDateTime(value); // not NaN
}

/**
 * Parse, construct and recognise {@link (HttpDate:type)} values.
 *
 * @remarks
 * `parse` accepts the three forms of RFC 9110 §5.6.7 (IMF-fixdate, RFC 850, asctime), without
 * surrounding whitespace. `from` also takes a `Date` or milliseconds, which it truncates to the
 * second (a file's `mtime` has milliseconds, the header does not, and a validator compared with
 * `If-Modified-Since` must be the value sent). Any date header's codec serializes one, e.g.
 * `lastModifiedHeader.serialize(date)`.
 *
 * @example
 * ```ts
 * HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT");  // { ok: true, value: 1994-11-06T08:49:37Z }
 * HttpDate.from(new Date("2024-05-01T10:00:00.750Z")); // 2024-05-01T10:00:00Z
 * HttpDate.is(new Date(1500));                          // false: not a whole second
 * ```
 * @public
 */
export const HttpDate: ValueType<HttpDate, Date | number | string> = {
  parse: (input: string) =>
    typeof input === "string"
      ? scanHttpDate(input, 0, input.length)
      : fail("invalid-input", `expected a string, found a ${typeof input}.`),
  from(input: Date | number | string): HttpDate {
    if (typeof input === "string") {
      const result = scanHttpDate(input, 0, input.length);
      if (result.ok) return result.value;
      throw new TypeError(`typed-headers: HttpDate.from(${JSON.stringify(input)}): ${result.error.message}`);
    }
    let time = NaN;
    try {
      time = typeof input === "number" ? input : Date.prototype.getTime.call(input);
    } catch {
      // not a Date: reported below
    }
    time = wholeSeconds(time);
    if (time >= MIN_TIME && time <= MAX_TIME) return new Date(time) as HttpDate;
    throw new TypeError(
      `typed-headers: HttpDate.from expects a valid Date, milliseconds or an HTTP-date string between the years 0000 and 9999, got ${
        typeof input === "number" ? String(input) : typeof input
      }`,
    );
  },
  is: isHttpDate,
};
