// fast-check arbitraries shared by the property tests.
import fc from "fast-check";
import { urlOrigin } from "./url-oracle.js";

const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

/** RFC 9110 tokens, mixed case. */
export const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 });

/** Lowercase tokens (field names). */
export const fieldName = token.map((t) => t.toLowerCase());

/** Strings over the characters that matter to header grammars, to hit edge cases often. */
export const headerish = fc.string({
  unit: fc.constantFrom(..."aZ09-*!',;\" \t\v\f\u00a0/:.@[]?#%\r\n\0é€😀".split(""), ...["true", "null", "http://", "xn--"]),
  maxLength: 40,
});

/** Any string, including lone surrogates and control characters. */
export const anyString = fc.oneof(fc.string({ unit: "binary", maxLength: 64 }), headerish, fc.string({ maxLength: 2000 }));

/** What parseHeader may be given: one line, several lines, absent, or junk. */
export const anyFieldLines = fc.oneof(
  anyString,
  fc.array(anyString, { maxLength: 5 }),
  fc.constantFrom(null, undefined),
  fc.anything(),
);

const schemes = ["http", "https", "ws", "wss", "ftp", "HTTP", "Https", "file", "chrome-extension", "blob", "foo"];

const domainLabel = fc.oneof(
  {
    arbitrary: fc.string({ unit: fc.constantFrom(..."abcdefghxyz0123456789-".split("")), minLength: 1, maxLength: 10 }),
    weight: 6,
  },
  fc.constantFrom("example", "EXAMPLE", "Localhost", "xn--fa-hia", "xn--n3h", "xn--zz", "xn--", "xn--abc-", "0x1f", "09", "0"),
  fc.string({ unit: fc.constantFrom(..."aZ_~!$&'()*+,;=\"`{}%^|<> ".split("")), minLength: 1, maxLength: 4 }),
  fc.string({ unit: fc.constantFrom(..."éßüΩ你好。．Ｇ\u00ad\u200b".split("")), minLength: 1, maxLength: 4 }),
);

const domain = fc
  .array(domainLabel, { minLength: 1, maxLength: 4 })
  .chain((labels) => fc.constantFrom(labels.join("."), `${labels.join(".")}.`));

const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom("00", "01", "0x7f", "010"));
const ipv4 = fc.array(octet, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("."));

const hexPiece = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)),
  fc.constantFrom("0", "00", "0000", "FFFF", "1"),
);
const ipv6 = fc
  .tuple(fc.array(hexPiece, { minLength: 0, maxLength: 8 }), fc.nat(8), fc.boolean(), fc.boolean())
  .map(([pieces, at, compress, v4tail]) => {
    const parts = [...pieces];
    if (compress) parts.splice(Math.min(at, parts.length), 0, "");
    let text = parts.join(":");
    if (compress && text.startsWith(":")) text = `:${text}`;
    if (compress && text.endsWith(":")) text = `${text}:`;
    return `[${text}${v4tail ? ":1.2.3.4" : ""}]`;
  });

const port = fc.oneof(
  fc.integer({ min: 0, max: 70000 }).map(String),
  fc.constantFrom("80", "443", "21", "080", "0", "00", "", "65535", "65536", "8000"),
);

const suffix = fc.oneof(
  { arbitrary: fc.constant(""), weight: 4 },
  fc.constantFrom("/", "/path", "?q", "#f", ":", "\\", " ", "%2f"),
);
const userinfo = fc.oneof({ arbitrary: fc.constant(""), weight: 4 }, fc.constantFrom("user@", "user:pass@", "@"));

/** Strings shaped like origins, with the mutations browsers normalise away. */
export const originLike = fc
  .tuple(
    fc.constantFrom(...schemes),
    userinfo,
    fc.oneof({ arbitrary: domain, weight: 3 }, ipv4, ipv6),
    fc.option(port, { freq: 2 }),
    suffix,
  )
  .map(([scheme, user, host, p, tail]) => `${scheme}://${user}${host}${p === null ? "" : `:${p}`}${tail}`);

/** Serialized origins, produced by the URL parser from origin-like strings. */
export const validOrigin = originLike.map(urlOrigin).filter((o): o is string => o !== null && o !== "null");
