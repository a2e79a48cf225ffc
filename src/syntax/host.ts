import { charTable, describeChar } from "./chars.js";
import { fail, type Failure } from "./result.js";

// Hosts of special-scheme origins, as the URL Standard's host parser + serializer leave them.
// A host is accepted iff serializing its parse gives the same text back:
//   - characters: lowercase ASCII letters, digits and - . _ ~ ! $ & ' ( ) * + , ; = " ` { }
//     (everything else is forbidden, lowercased, percent-decoded, or ends the host);
//   - a host that "ends in a number" is an IPv4 address and must be in dotted-decimal form;
//   - labels starting with "xn--" must survive IDNA's ToASCII unchanged.

/** Per ASCII code unit: 0 = ends the host, 1 = host character, 2 = ".", 3 = "x" (may start "xn--"). */
const SPECIAL_HOST_CHAR = /* @__PURE__ */ charTable(["abcdefghijklmnopqrstuvwyz0123456789-_~!$&'()*+,;=\"`{}", ".", "x"]);

/**
 * Scans a special-scheme host (domain or IPv4) from `s[start]` up to the first character that
 * cannot be part of one (or `end`), and checks it is a fixed point of the URL parser. Returns
 * the index after the host, or the failure.
 * @internal
 */
export function scanSpecialHost(s: string, start: number, end: number): number | Failure {
  let i = start;
  let lastDot = -1;
  let ace = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    const kind = c < 128 ? SPECIAL_HOST_CHAR[c] : 0;
    if (kind === 1) continue;
    if (kind === 0) break;
    if (kind === 2) lastDot = i;
    else if ((i === start || lastDot === i - 1) && s.startsWith("xn--", i)) ace = true;
  }
  if (i === start) return i;
  if (endsInANumber(s, start, i, lastDot)) {
    if (isDottedDecimal(s, start, i)) return i;
    return fail(
      "invalid-origin",
      `the host "${s.slice(start, i)}" ends in a number, so browsers parse it as IPv4 and send it in dotted-decimal form (four numbers 0-255 without leading zeros), or reject it.`,
      start,
    );
  }
  if (ace && !isIdnaFixedPoint(s.slice(start, i))) {
    return fail(
      "invalid-origin",
      `the host "${s.slice(start, i)}" has an "xn--" label that is not valid punycode for IDNA, so no browser sends it.`,
      start,
    );
  }
  return i;
}

/** The URL Standard's "ends in a number" checker, given the index of the host's last dot. */
function endsInANumber(s: string, start: number, end: number, lastDot: number): boolean {
  let lastStart = lastDot + 1;
  let lastEnd = end;
  if (lastDot === end - 1 && lastDot > start) {
    // A trailing dot: the last label is the one before it.
    lastEnd = lastDot;
    lastStart = Math.max(start, s.lastIndexOf(".", lastDot - 1) + 1);
  }
  if (lastStart < start) lastStart = start;
  if (lastStart === lastEnd) return false;
  let i = lastStart;
  const hex = lastEnd - lastStart >= 2 && s.charCodeAt(i) === 0x30 && s.charCodeAt(i + 1) === 0x78;
  if (hex) i += 2;
  for (; i < lastEnd; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (hex && c >= 0x61 && c <= 0x66))) return false;
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
