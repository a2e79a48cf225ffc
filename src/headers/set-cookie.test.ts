import { headerLaws } from "../../test/header-laws.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyFieldLines, anyString, headerish, token } from "../../test/arbitraries.js";
import { SetCookie, setCookieHeader } from "./set-cookie.js";

const parse = setCookieHeader.parse;
const serialize = setCookieHeader.serialize;

/** The parsed cookie of one line, or the error code. */
function one(line: string): unknown {
  const result = SetCookie.parse(line);
  return result.ok ? result.value : result.error.code;
}

describe("Set-Cookie parse (RFC 6265bis §5.6)", () => {
  test("a line is one cookie and its attributes; attribute names in any case", () => {
    expect(
      one(
        "id=a3fWa; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Domain=.Example.COM; Path=/docs; SECURE; httponly; samesite=strict; PARTITIONED",
      ),
    ).toEqual({
      name: "id",
      value: "a3fWa",
      expires: new Date(Date.UTC(2037, 9, 21, 7, 28, 0)),
      domain: "example.com",
      path: "/docs",
      secure: true,
      httpOnly: true,
      sameSite: "Strict",
      partitioned: true,
    });
  });

  test("name and value are trimmed of SP/HTAB, quotes kept, nothing decoded", () => {
    expect(one(' \tsid \t= "a%20b" ;')).toEqual({ name: "sid", value: '"a%20b"' });
    expect(one("a==b=")).toEqual({ name: "a", value: "=b=" });
  });

  test("a pair without a name is a nameless cookie (§5.6 step 3)", () => {
    expect(one("justvalue; Path=/")).toEqual({ name: "", value: "justvalue", path: "/" });
    expect(one("=v")).toEqual({ name: "", value: "v" });
    expect(one("n=")).toEqual({ name: "n", value: "" });
  });

  test("commas never separate cookies", () => {
    expect(one("a=b, c=d; Expires=Thu, 01 Jan 2037 00:00:00 GMT")).toEqual({
      name: "a",
      value: "b, c=d",
      expires: new Date(Date.UTC(2037, 0, 1)),
    });
  });

  test("the last valid attribute wins; invalid ones are ignored", () => {
    expect(one("a=1; Path=/x; Path=/y")).toEqual({ name: "a", value: "1", path: "/y" });
    expect(one("a=1; Path=/x; Path=")).toEqual({ name: "a", value: "1" }); // default path again
    expect(one("a=1; Path=/x; Path=relative")).toEqual({ name: "a", value: "1" });
    expect(one("a=1; Domain=a.example; Domain=")).toEqual({ name: "a", value: "1", domain: "a.example" });
    expect(one("a=1; Max-Age=10; Max-Age=1.5")).toEqual({ name: "a", value: "1", maxAge: 10 });
    expect(one("a=1; Expires=Thu, 01 Jan 2037 00:00:00 GMT; Expires=soon")).toEqual({
      name: "a",
      value: "1",
      expires: new Date(Date.UTC(2037, 0, 1)),
    });
    expect(one("a=1; SameSite=Lax; SameSite=sometimes")).toEqual({ name: "a", value: "1" });
    expect(one("a=1; Secure=no; HttpOnly=false")).toEqual({ name: "a", value: "1", secure: true, httpOnly: true });
    expect(one("a=1; Version=1; Comment=x; Priority=High")).toEqual({ name: "a", value: "1" });
  });

  test("Max-Age wins over Expires wherever it is; zero and negatives are kept (they delete)", () => {
    expect(one("a=1; Max-Age=60; Expires=Thu, 01 Jan 2037 00:00:00 GMT")).toEqual({ name: "a", value: "1", maxAge: 60 });
    expect(one("a=1; Expires=Thu, 01 Jan 2037 00:00:00 GMT; Max-Age=0")).toEqual({ name: "a", value: "1", maxAge: 0 });
    expect(one("a=1; Max-Age=-5")).toEqual({ name: "a", value: "1", maxAge: -5 });
    expect(one("a=1; Max-Age=-0")).toEqual({ name: "a", value: "1", maxAge: 0 });
    expect(one("a=1; Max-Age=-")).toEqual({ name: "a", value: "1" });
    expect(one("a=1; Max-Age=+5")).toEqual({ name: "a", value: "1" });
    expect(one(`a=1; Max-Age=${"9".repeat(40)}`)).toEqual({ name: "a", value: "1", maxAge: Number.MAX_SAFE_INTEGER });
  });

  test("an attribute value over 1024 octets is ignored; a name and value over 4096 ignore the line", () => {
    expect(one(`a=1; Path=/${"p".repeat(1023)}`)).toEqual({ name: "a", value: "1", path: `/${"p".repeat(1023)}` });
    expect(one(`a=1; Path=/x; Path=/${"p".repeat(1024)}`)).toEqual({ name: "a", value: "1", path: "/x" });
    expect(one(`a=${"v".repeat(4094)}`)).toMatchObject({ name: "a" });
    expect(one(`ab=${"v".repeat(4095)}`)).toBe("oversized-cookie");
  });

  test("lines a browser ignores are errors naming the line and why", () => {
    const cases: [string, string][] = [
      ["", "empty"],
      ["  ; Path=/", "empty"],
      ["=", "empty"],
      ["a=b\u0001c", "invalid-character"],
      ["a=b\u007f", "invalid-character"],
      ["a=b; Path=/\u000b", "invalid-character"],
      ["a=1; SameSite=None", "missing-secure"],
      ["a=1; Partitioned", "missing-secure"],
      ["__Secure-a=1", "invalid-cookie-prefix"],
      ["__secure-a=1; Path=/", "invalid-cookie-prefix"],
      ["__Host-a=1; Secure", "invalid-cookie-prefix"],
      ["__Host-a=1; Secure; Path=/; Domain=example.com", "invalid-cookie-prefix"],
      ["__HOST-a=1; Path=/", "invalid-cookie-prefix"],
      ["__Host-a=1; Secure; Path=/x", "invalid-cookie-prefix"],
      ["__Host-x; Secure; Path=/", "invalid-cookie-prefix"],
      ["=__Secure-x; Secure", "invalid-cookie-prefix"],
    ];
    for (const [line, code] of cases) expect([line, one(line)]).toEqual([line, code]);
    expect(one("__Secure-a=1; Secure")).toEqual({ name: "__Secure-a", value: "1", secure: true });
    expect(one("__Host-a=1; Secure; Path=/")).toEqual({ name: "__Host-a", value: "1", path: "/", secure: true });
  });

  test("several lines: one cookie each, in order; the first ignored line fails with its index and offset", () => {
    expect(parse(["a=1", "b=2, c=3"])).toEqual({
      ok: true,
      value: [
        { name: "a", value: "1" },
        { name: "b", value: "2, c=3" },
      ],
    });
    const result = parse(["a=1", "b=2", "c=3; SameSite=None"]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: "missing-secure", header: "set-cookie", offset: 10 });
    expect(result.error.message).toBe("Set-Cookie: line 2 is ignored by browsers: SameSite=None requires the Secure attribute.");
  });

  test("CR, LF, NUL and characters above U+00FF are errors", () => {
    for (const line of ["a=1\r\nSet-Cookie: b=2", "a=1\n", "a=\u0000", "a=€"]) {
      const result = parse(line);
      expect(result.ok ? result : result.error.code).toBe("invalid-character");
    }
  });

  test("non-string input is an error, never a throw", () => {
    expect(SetCookie.parse(42 as never)).toMatchObject({ ok: false, error: { code: "invalid-input" } });
    expect(parse([1] as never)).toMatchObject({ ok: false, error: { code: "invalid-input" } });
  });
});

describe("Set-Cookie serialize", () => {
  test("canonical attribute order and spelling", () => {
    expect(
      serialize([
        {
          name: "id",
          value: "x",
          maxAge: 60,
          domain: "example.com",
          path: "/",
          secure: true,
          httpOnly: true,
          sameSite: "None",
          partitioned: true,
        },
      ]),
    ).toBe("id=x; Max-Age=60; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=None; Partitioned");
    expect(serialize([{ name: "id", value: '"q"', expires: new Date(Date.UTC(2037, 0, 1, 0, 0, 0, 999)) }])).toBe(
      'id="q"; Expires=Thu, 01 Jan 2037 00:00:00 GMT',
    );
  });

  test("one cookie per call: several cookies are several field lines", () => {
    expect(() => serialize([])).toThrow(/typed-headers: cannot serialize set-cookie: expected an array of one cookie/);
    expect(() =>
      serialize([
        { name: "a", value: "1" },
        { name: "b", value: "2" },
      ]),
    ).toThrow(TypeError);
  });

  const refused: [string, unknown][] = [
    ["name with =", { name: "a=b", value: "1" }],
    ["name with ;", { name: "a;Domain=evil.example", value: "1" }],
    ["empty name", { name: "", value: "1" }],
    ["name with space", { name: "a b", value: "1" }],
    ["value with ;", { name: "a", value: "1; Domain=evil.example" }],
    ["value with CRLF", { name: "a", value: "1\r\nSet-Cookie: evil=1" }],
    ["value with space", { name: "a", value: "a b" }],
    ["value with comma", { name: "a", value: "a,b" }],
    ["value with backslash", { name: "a", value: "a\\b" }],
    ["value with a lone quote", { name: "a", value: '"a' }],
    ["value above U+007E", { name: "a", value: "é" }],
    ["path with ;", { name: "a", value: "1", path: "/; Domain=evil.example" }],
    ["relative path", { name: "a", value: "1", path: "docs" }],
    ["path with space", { name: "a", value: "1", path: "/a b" }],
    ["domain with ;", { name: "a", value: "1", domain: "example.com; Secure" }],
    ["domain with leading dot", { name: "a", value: "1", domain: ".example.com" }],
    ["domain in uppercase", { name: "a", value: "1", domain: "Example.com" }],
    ["domain with port", { name: "a", value: "1", domain: "example.com:80" }],
    ["maxAge fraction", { name: "a", value: "1", maxAge: 1.5 }],
    ["maxAge string", { name: "a", value: "1", maxAge: "60" }],
    ["maxAge NaN", { name: "a", value: "1", maxAge: NaN }],
    ["expires invalid", { name: "a", value: "1", expires: new Date(NaN) }],
    ["expires year 10000", { name: "a", value: "1", expires: new Date(Date.UTC(10000, 0, 1)) }],
    ["expires year 1600", { name: "a", value: "1", expires: new Date(Date.UTC(1600, 0, 1)) }],
    ["expires string", { name: "a", value: "1", expires: "Thu, 01 Jan 2037 00:00:00 GMT" }],
    ["both lifetimes", { name: "a", value: "1", maxAge: 1, expires: new Date(Date.UTC(2037, 0, 1)) }],
    ["secure string", { name: "a", value: "1", secure: "yes" }],
    ["sameSite lowercase", { name: "a", value: "1", sameSite: "lax" }],
    ["SameSite=None without secure", { name: "a", value: "1", sameSite: "None" }],
    ["partitioned without secure", { name: "a", value: "1", partitioned: true }],
    ["__Secure- without secure", { name: "__Secure-a", value: "1" }],
    ["__Host- without path", { name: "__Host-a", value: "1", secure: true }],
    ["__Host- with domain", { name: "__Host-a", value: "1", secure: true, path: "/", domain: "example.com" }],
    ["__host- lowercase without secure", { name: "__host-a", value: "1", path: "/" }],
    ["oversized", { name: "a", value: "v".repeat(4096) }],
    ["not an object", "a=1"],
    ["null", null],
  ];
  test.each(refused)("refuses %s with the library's TypeError", (_, cookie) => {
    expect(() => serialize([cookie as SetCookie])).toThrow(/^typed-headers: cannot serialize set-cookie: expected /);
    expect(SetCookie.is(cookie)).toBe(false);
  });

  test("reads each field once and writes only what it checked", () => {
    let reads = 0;
    const cookie = {
      name: "a",
      get value() {
        reads++;
        return reads === 1 ? "ok" : "x; Domain=evil.example";
      },
    };
    expect(serialize([cookie])).toBe("a=ok");
    expect(reads).toBe(1);
  });

  test("throwing getters, proxies and odd arrays give the library's TypeError", () => {
    const throwing = {
      name: "a",
      get value(): string {
        throw new Error("boom");
      },
    };
    expect(() => serialize([throwing])).toThrow(/^typed-headers:/);
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    expect(() => serialize(revoked.proxy)).toThrow(/^typed-headers:/);
    expect(() => serialize({ length: 1, 0: { name: "a", value: "1" } } as never)).toThrow(/^typed-headers:/);
    expect(() => serialize([{ name: "a", value: 10n }] as never)).toThrow(/^typed-headers:/);
  });

  test("SetCookie.from returns a frozen checked copy, without unknown fields", () => {
    const cookie = SetCookie.from({
      name: "__Host-s",
      value: "v",
      secure: true,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      maxAge: 3600,
    });
    expect(cookie).toEqual({
      name: "__Host-s",
      value: "v",
      secure: true,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      maxAge: 3600,
    });
    expect(Object.isFrozen(cookie)).toBe(true);
    expect(() => SetCookie.from({ name: "a", value: "1", extra: 1 } as SetCookie)).not.toThrow();
    expect(SetCookie.from({ name: "a", value: "1", extra: 1 } as SetCookie)).toEqual({ name: "a", value: "1" });
    expect(() => SetCookie.from({ name: "__Host-s", value: "v", secure: true } as never)).toThrow(TypeError);
  });
});

// Valid cookies, as the parser can produce them and the serializer accepts them.
const COOKIE_OCTETS = "!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~".split("");
const cookieValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(...COOKIE_OCTETS), maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...COOKIE_OCTETS), maxLength: 10 }).map((s) => `"${s}"`),
);
const label = fc
  .string({ unit: fc.constantFrom(..."abcxyz0189-".split("")), minLength: 1, maxLength: 8 })
  .filter((l) => !l.startsWith("-") && !l.endsWith("-"));
const domain = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join("."));
const path = fc.string({ unit: fc.constantFrom(..."/abc-_.~%!$'()*+,=:@".split("")), maxLength: 12 }).map((p) => `/${p}`);
const wholeSecondDate = fc.integer({ min: -11644473600, max: 253402300799 }).map((s) => new Date(s * 1000));
const lifetime = fc.oneof(
  fc.constant({}),
  fc.integer({ min: -100, max: 2 ** 40 }).map((maxAge) => ({ maxAge })),
  wholeSecondDate.map((expires) => ({ expires })),
);
const security = fc.oneof(
  fc.record({ sameSite: fc.constantFrom("Strict", "Lax") }, { requiredKeys: [] }),
  fc.record(
    { secure: fc.constant(true), sameSite: fc.constantFrom("Strict", "Lax", "None"), partitioned: fc.constant(true) },
    { requiredKeys: ["secure"] },
  ),
);
const plainName = token.filter((n) => !/^__(secure|host)-/i.test(n));

/** Valid cookies of every kind: plain, `__Secure-`, `__Host-`. */
export const validSetCookie: fc.Arbitrary<SetCookie> = fc.oneof(
  fc
    .tuple(
      plainName,
      cookieValue,
      fc.record({ domain, path, httpOnly: fc.constant(true) }, { requiredKeys: [] }),
      lifetime,
      security,
    )
    .map(([name, value, rest, life, sec]) => ({ name, value, ...rest, ...life, ...sec }) as SetCookie),
  fc
    .tuple(token, cookieValue, lifetime)
    .map(([name, value, life]) => ({ name: `__Secure-${name}`, value, secure: true, ...life }) as SetCookie),
  fc
    .tuple(token, cookieValue, lifetime)
    .map(([name, value, life]) => ({ name: `__Host-${name}`, value, secure: true, path: "/", ...life }) as SetCookie),
);

function isFieldValue(s: string): boolean {
  return !/[\r\n\0]|[^\u0000-\u00ff]|^[ \t]|[ \t]$/u.test(s);
}

describe("Set-Cookie laws", () => {
  test("parse never throws, and its result is a result", () => {
    fc.assert(
      fc.property(anyFieldLines, (lines) => {
        const result = parse(lines as never);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });

  test("parse(serialize(c)) is c, and the output is one valid field value with no ; inside the value", () => {
    fc.assert(
      fc.property(validSetCookie, (cookie) => {
        const line = serialize([cookie]);
        expect(isFieldValue(line)).toBe(true);
        expect(line.slice(0, line.indexOf(";") === -1 ? line.length : line.indexOf(";"))).toBe(`${cookie.name}=${cookie.value}`);
        expect(parse(line)).toEqual({ ok: true, value: [cookie] });
        expect(SetCookie.is(cookie)).toBe(true);
      }),
    );
  });

  test("injection through any field is refused or cannot change the cookie", () => {
    const nasty = fc.oneof(
      anyString,
      headerish,
      fc.constantFrom("; Domain=evil.example", "\r\nSet-Cookie: x=1", "a\u0000b", " x ", ";", "=", ","),
    );
    // Prefixed too, so that a value passes the first checks (a path's "/", a domain's label).
    const hostile = fc.oneof(
      nasty,
      fc.tuple(fc.constantFrom("/", "a", "example.com", '"'), nasty).map(([p, s]) => p + s),
    );
    const field = fc.constantFrom(
      "name",
      "value",
      "domain",
      "path",
      "sameSite",
      "maxAge",
      "expires",
      "secure",
      "httpOnly",
      "partitioned",
    );
    fc.assert(
      fc.property(validSetCookie, field, hostile, (cookie, key, bad) => {
        const tampered = { ...cookie, [key]: bad } as SetCookie;
        let line: string;
        try {
          line = serialize([tampered]);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect((error as TypeError).message.startsWith("typed-headers: cannot serialize set-cookie:")).toBe(true);
          return;
        }
        // Accepted: then the line says exactly what was given, nothing more.
        expect(isFieldValue(line)).toBe(true);
        expect(parse(line)).toEqual({ ok: true, value: [tampered] });
      }),
    );
  });

  test("the line is linear in its length (no quadratic scan)", () => {
    const long = `a=b${"; x".repeat(50_000)}=1`;
    const started = performance.now();
    expect(parse(long).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

// The laws of every header, on one generated cookie (one field line each).
headerLaws(
  setCookieHeader,
  validSetCookie.map((cookie) => [cookie]),
  { lenientParse: true },
);
