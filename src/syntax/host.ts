import { describeChar } from "./chars.js";
import { fail, type Failure } from "./result.js";

// Hosts of special-scheme origins, as the URL Standard's host parser + serializer leave them.
// A host is accepted iff serializing its parse gives the same text back:
//   - characters: lowercase ASCII letters, digits and - . _ ~ ! $ & ' ( ) * + , ; = " ` { }
//     (everything else is forbidden, lowercased, percent-decoded, or ends the host);
//   - a host that "ends in a number" is an IPv4 address and must be in dotted-decimal form;
//   - labels starting with "xn--" must survive IDNA's ToASCII unchanged.

const SPECIAL_HOST_CHAR = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=\"`{}") {
  SPECIAL_HOST_CHAR[c.charCodeAt(0)] = 1;
}

/** Whether `c` can appear in a serialized special-scheme domain or IPv4 host. @internal */
export function isSpecialHostChar(c: number): boolean {
  return c < 128 && SPECIAL_HOST_CHAR[c] === 1;
}

/**
 * Checks a special-scheme host `s[start, end)` whose characters all satisfy
 * {@link isSpecialHostChar}; returns a failure, or undefined when it is a fixed point.
 * @internal
 */
export function checkSpecialHost(s: string, start: number, end: number): Failure | undefined {
  if (endsInANumber(s, start, end)) {
    if (isDottedDecimal(s, start, end)) return undefined;
    return fail(
      "invalid-origin",
      `the host "${s.slice(start, end)}" ends in a number, so browsers parse it as IPv4 and send it in dotted-decimal form (four numbers 0-255 without leading zeros), or reject it.`,
      start,
    );
  }
  if (hasAceLabel(s, start, end) && !isIdnaFixedPoint(s.slice(start, end))) {
    return fail(
      "invalid-origin",
      `the host "${s.slice(start, end)}" has an "xn--" label that is not valid punycode for IDNA, so no browser sends it.`,
      start,
    );
  }
  return undefined;
}

/** The URL Standard's "ends in a number" checker. */
function endsInANumber(s: string, start: number, end: number): boolean {
  let lastEnd = end;
  if (s.charCodeAt(end - 1) === 0x2e && end - 1 > start) lastEnd = end - 1;
  const lastStart = Math.max(start, s.lastIndexOf(".", lastEnd - 1) + 1);
  if (lastStart === lastEnd) return false;
  let i = lastStart;
  let hex = false;
  if (lastEnd - lastStart >= 2 && s.startsWith("0x", lastStart)) {
    hex = true;
    i += 2;
  }
  for (; i < lastEnd; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if (!digit && !(hex && c >= 0x61 && c <= 0x66)) return false;
  }
  return true;
}

/** Whether `s[start, end)` is four dot-separated decimal octets without leading zeros. */
function isDottedDecimal(s: string, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  while (parts < 4) {
    const partStart = i;
    let value = 0;
    while (i < end && i - partStart < 4) {
      const digit = s.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      i++;
    }
    const length = i - partStart;
    if (length === 0 || length > 3 || value > 255 || (length > 1 && s.charCodeAt(partStart) === 0x30)) return false;
    parts++;
    if (parts < 4) {
      if (s.charCodeAt(i) !== 0x2e) return false;
      i++;
    }
  }
  return i === end;
}

function hasAceLabel(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    if (s.startsWith("xn--", i)) return true;
    const dot = s.indexOf(".", i);
    if (dot === -1 || dot >= end) return false;
    i = dot + 1;
  }
  return false;
}

/**
 * Whether an ASCII host with punycode labels is left unchanged by the URL Standard's host
 * parser. Deciding this needs IDNA's Unicode tables (tens of kilobytes), so this cold path —
 * taken only for hosts with an `xn--` label — asks the platform's WHATWG URL parser, which is
 * exactly the parser a browser runs.
 */
function isIdnaFixedPoint(host: string): boolean {
  try {
    return new URL(`http://${host}/`).hostname === host;
  } catch {
    return false;
  }
}

/**
 * Checks `s[start, end)` against the Fetch ABNF's `serialized-domain` (used for non-special
 * schemes): dot-separated labels of lowercase letters and digits, with inner hyphens.
 * @internal
 */
export function checkSerializedDomain(s: string, start: number, end: number): Failure | undefined {
  let labelStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (i === labelStart || s.charCodeAt(labelStart) === 0x2d || s.charCodeAt(i - 1) === 0x2d) {
        return fail(
          "invalid-origin",
          "expected a host of dot-separated labels that neither are empty nor start or end with a hyphen.",
          labelStart,
        );
      }
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
      return fail(
        "invalid-origin",
        `expected a lowercase letter, digit, "-" or "." in the host, found ${describeChar(s, i)} at offset ${i}.`,
        i,
      );
    }
  }
  return undefined;
}
