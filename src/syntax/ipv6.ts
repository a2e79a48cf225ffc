// The IPv6 host as the URL Standard serializes it (RFC 5952 form):
//   lowercase hex pieces without leading zeros, the first longest run of two or more zero
//   pieces compressed to "::", no embedded IPv4.

/**
 * Whether `s[start, end)` (the text between the brackets) is an IPv6 address in the exact form
 * the URL Standard's IPv6 serializer produces.
 * @internal
 */
export function isSerializedIpv6(s: string, start: number, end: number): boolean {
  const pieces: number[] = [];
  let compressAt = -1;
  let i = start;
  if (s.startsWith("::", i)) {
    compressAt = 0;
    i += 2;
  }
  while (i < end) {
    let value = 0;
    let digits = 0;
    for (; i < end && digits <= 4; i++, digits++) {
      const h = hexValue(s.charCodeAt(i));
      if (h === -1) break;
      value = value * 16 + h;
    }
    if (digits === 0 || digits > 4 || pieces.length === 8) return false;
    pieces.push(value);
    if (i === end) break;
    if (s.charCodeAt(i) !== 0x3a || i + 1 === end) return false;
    i++;
    if (s.charCodeAt(i) === 0x3a) {
      if (compressAt !== -1) return false;
      compressAt = pieces.length;
      i++;
    }
  }
  if (compressAt === -1 ? pieces.length !== 8 : pieces.length > 8) return false;
  const address = compressAt === -1 ? pieces : expand(pieces, compressAt);
  return serializeIpv6(address) === s.slice(start, end);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function expand(pieces: readonly number[], compressAt: number): number[] {
  const zeros = new Array<number>(8 - pieces.length).fill(0);
  return [...pieces.slice(0, compressAt), ...zeros, ...pieces.slice(compressAt)];
}

/** The URL Standard's IPv6 serializer over eight 16-bit pieces. */
function serializeIpv6(address: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? "::" : ":";
      i += bestLength - 1;
      continue;
    }
    out += (address[i] ?? 0).toString(16);
    if (i < 7) out += ":";
  }
  return out;
}
