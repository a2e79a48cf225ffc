import { describe, expect, test } from "vitest";
import { parseHeader, serializeHeader, type FieldLines, type HeaderName } from "typed-headers";

type Case = readonly [input: FieldLines, expected: unknown];

/** `expected`: the parsed value, or `{ code }` for an error with that code. */
function check(name: HeaderName, cases: readonly Case[]): void {
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      const result = parseHeader(name, input);
      if (expected !== null && typeof expected === "object" && "code" in expected) {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe((expected as { code: string }).code);
          expect(result.error.header).toBe(name);
          expect(result.error.message.length).toBeGreaterThan(20);
        }
      } else {
        expect(result).toEqual({ ok: true, value: expected });
      }
    });
  }
}

describe("access-control-allow-credentials", () => {
  check("access-control-allow-credentials", [
    ["true", true],
    [" true\t", true],
    [["true"], true],
    ["True", { code: "not-true" }],
    ["TRUE", { code: "not-true" }],
    ["false", { code: "not-true" }],
    ["1", { code: "not-true" }],
    ["", { code: "not-true" }],
    ['"true"', { code: "not-true" }],
    ["true\v", { code: "not-true" }],
    ["\ftrue", { code: "not-true" }],
    ["true\u00a0", { code: "not-true" }],
    ["true,", { code: "multiple-values" }],
    ["true, true", { code: "multiple-values" }],
    [["true", "true"], { code: "multiple-lines" }],
    [null, { code: "missing" }],
    [undefined, { code: "missing" }],
    [[], { code: "missing" }],
    ["true\r\n", { code: "invalid-character" }],
    ["tr\0ue", { code: "invalid-character" }],
  ]);
  test("the error says what browsers do", () => {
    const result = parseHeader("access-control-allow-credentials", "True");
    expect(!result.ok && result.error.message).toMatch(/byte for byte/);
    expect(!result.ok && result.error.message).toMatch(/^Access-Control-Allow-Credentials: /);
  });
});

describe("access-control-max-age", () => {
  check("access-control-max-age", [
    ["600", 600],
    ["  600 ", 600],
    ["0", 0],
    ["007", 7],
    ["2147483648", 2147483648],
    ["2147483649", 2147483648],
    ["99999999999999999999999999999999999999999", 2147483648],
    ["-1", { code: "invalid-delta-seconds" }],
    ["+5", { code: "invalid-delta-seconds" }],
    ["1.5", { code: "invalid-delta-seconds" }],
    ["1e3", { code: "invalid-delta-seconds" }],
    ["5 s", { code: "invalid-delta-seconds" }],
    ["0x10", { code: "invalid-delta-seconds" }],
    ["", { code: "invalid-delta-seconds" }],
    ["5\v", { code: "invalid-delta-seconds" }],
    ["٣", { code: "invalid-character" }],
    ["5, 10", { code: "multiple-values" }],
    [["5", "10"], { code: "multiple-lines" }],
  ]);
  test("offsets point at the problem", () => {
    const result = parseHeader("access-control-max-age", "  12x");
    expect(!result.ok && result.error.offset).toBe(4);
  });
  test("negative values explain the browser split", () => {
    const result = parseHeader("access-control-max-age", "-1");
    expect(!result.ok && result.error.message).toMatch(/do not cache/);
  });
});

describe("access-control-allow-methods", () => {
  check("access-control-allow-methods", [
    ["GET, POST", ["GET", "POST"]],
    ["get,patch", ["get", "patch"]],
    [",,PUT,GET", ["PUT", "GET"]],
    ["", []],
    ["  ,  ", []],
    ["*", ["*"]],
    ["GET, *", ["GET", "*"]],
    [
      ["GET", "", "PUT"],
      ["GET", "PUT"],
    ],
    ["\tGET\t,\tPUT ", ["GET", "PUT"]],
    ["Bad method name", { code: "invalid-token" }],
    [["GET", "no no"], { code: "invalid-token" }],
    ['"GET"', { code: "invalid-token" }],
    ["GET\v", { code: "invalid-token" }],
    ["GET\f, PUT", { code: "invalid-token" }],
    ["GET;q=1", { code: "invalid-token" }],
  ]);
  test("the offset of a bad member is into the combined value", () => {
    const result = parseHeader("access-control-allow-methods", ["GET", "PUT, X Y"]);
    // combined: "GET, PUT, X Y" — the space inside "X Y" is at 11
    expect(!result.ok && result.error.offset).toBe(11);
  });
});

describe("access-control-allow-headers / expose-headers", () => {
  for (const name of ["access-control-allow-headers", "access-control-expose-headers"] as const) {
    describe(name, () => {
      check(name, [
        ["X-Foo, Content-Type", ["x-foo", "content-type"]],
        [",y-lol,x-PriNT, ,,,Y-PRINT", ["y-lol", "x-print", "y-print"]],
        ["", []],
        ["*", ["*"]],
        ["x-a, *", ["x-a", "*"]],
        ["'bb-8'", ["'bb-8'"]],
        ['"bb-8",bb-8', { code: "invalid-token" }],
        ["bb-8,,@#$#%%&^&^*()()11!", { code: "invalid-token" }],
        [["bb-8", "no no"], { code: "invalid-token" }],
        ["bb-8\f", { code: "invalid-token" }],
        ["x\u00e9", { code: "invalid-token" }],
      ]);
    });
  }
});

describe("access-control-request-headers", () => {
  check("access-control-request-headers", [
    ["x-custom-s,x-custom-test", ["x-custom-s", "x-custom-test"]],
    ["Content-Type, X-A", ["content-type", "x-a"]],
    ["", { code: "empty-list" }],
    [" , ", { code: "empty-list" }],
    ["x a", { code: "invalid-token" }],
  ]);
});

describe("access-control-request-method", () => {
  check("access-control-request-method", [
    ["PUT", "PUT"],
    ["patcH", "patcH"],
    [" chicken ", "chicken"],
    ["", { code: "empty" }],
    ["GE T", { code: "invalid-token" }],
    ["GET, PUT", { code: "multiple-values" }],
    [["GET", "PUT"], { code: "multiple-lines" }],
  ]);
});

describe("origin", () => {
  check("origin", [
    ["https://example.com", "https://example.com"],
    [" http://localhost:5173\t", "http://localhost:5173"],
    ["null", "null"],
    ["Null", { code: "invalid-origin" }],
    ["https://example.com/", { code: "invalid-origin" }],
    ["https://EXAMPLE.com", { code: "invalid-origin" }],
    ["https://example.com:443", { code: "invalid-origin" }],
    ["https://example.com:0443", { code: "invalid-origin" }],
    ["https://user@example.com", { code: "invalid-origin" }],
    ["https://exämple.com", { code: "invalid-origin" }],
    ["", { code: "empty" }],
    ["https://a.example, https://b.example", { code: "multiple-values" }],
    [["https://a.example", "https://a.example"], { code: "multiple-lines" }],
    ["file:///etc/passwd", { code: "invalid-origin" }],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://[::1]:3000", "http://[::1]:3000"],
    ["https://xn--fa-hia.example", "https://xn--fa-hia.example"],
    ["https://xn--zz.example", { code: "invalid-origin" }],
    ["http://a.1", { code: "invalid-origin" }],
  ]);

  test.each([
    // [value, offset, what the message says]
    ["https://example.com/", 19, 'a browser sends "https://example.com"'],
    ["https://EXAMPLE.com", 8, 'a browser sends "https://example.com"'],
    ["https://example.com:443", 19, 'a browser sends "https://example.com"'],
    ["https://user@example.com", 8, 'a browser sends "https://example.com"'],
    ["http://0x7f.1", 7, 'a browser sends "http://127.0.0.1"'],
    ["https://[0:0::1]", 9, 'a browser sends "https://[::1]"'],
    ["http://a.1", 7, 'no browser sends the host "a.1"'],
    ["https://a.example:99999", 18, 'no browser sends the port "99999"'],
    ["chrome-extension://a..b", 19, 'no browser sends the host "a..b"'],
    ["https://exämple.com", 10, 'found "ä" at offset 10. Hosts are sent in ASCII'],
  ])("%s: the error points at %i and says %s", (value, offset, says) => {
    const result = parseHeader("origin", value);
    expect(!result.ok && result.error.offset).toBe(offset);
    expect(!result.ok && result.error.message).toContain(says);
  });
});

describe("access-control-allow-origin", () => {
  check("access-control-allow-origin", [
    ["*", "*"],
    [" *  ", "*"],
    ["null", "null"],
    ["http://web-platform.test:8000", "http://web-platform.test:8000"],
    ["\v*", { code: "invalid-origin" }],
    ["*\v", { code: "invalid-origin" }],
    ["**", { code: "invalid-origin" }],
    ["*, http://o.test", { code: "multiple-values" }],
    [["*", "*"], { code: "multiple-lines" }],
    ["", { code: "empty" }],
    // "*" is a valid host character for the URL parser: this is a (strange) origin, not a pattern.
    ["http://*.test:8000", "http://*.test:8000"],
  ]);
});

describe("private network access headers", () => {
  for (const name of ["access-control-allow-private-network", "access-control-request-private-network"] as const) {
    describe(name, () => {
      check(name, [
        ["true", true],
        ["True", { code: "not-true" }],
        ["invalid-value", { code: "not-true" }],
        [["true", "true"], { code: "multiple-lines" }],
      ]);
    });
  }
});

describe("vary", () => {
  check("vary", [
    ["Origin", ["origin"]],
    ["Accept-Encoding, Origin", ["accept-encoding", "origin"]],
    [
      ["accept", "origin"],
      ["accept", "origin"],
    ],
    ["*", "*"],
    ["origin, *", "*"],
    [["origin", "*"], "*"],
    ["", []],
    ["origin, *, x y", { code: "invalid-token" }],
  ]);
});

describe("registry", () => {
  test("unknown names are an error result at runtime", () => {
    const name: string = "X-Not-Registered";
    const result = parseHeader(name, "1");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: "unknown-header", header: "x-not-registered" });
  });

  test("names match in any casing", () => {
    expect(parseHeader("ACCESS-CONTROL-MAX-AGE", "5")).toEqual({ ok: true, value: 5 });
  });

  test("non-string input is an error, never a throw", () => {
    for (const bad of [5, {}, [1], ["a", 2], Symbol("x"), () => 1, true]) {
      const result = parseHeader("vary", bad as never);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe("invalid-input");
    }
  });

  test("the offset of a forbidden character is into the combined value", () => {
    const result = parseHeader("vary", ["origin", "acc\rept"]);
    expect(!result.ok && result.error).toMatchObject({ code: "invalid-character", offset: 11 });
  });

  test("serializers emit canonical forms", () => {
    expect(serializeHeader("access-control-allow-methods", ["GET", "POST"])).toBe("GET, POST");
    expect(serializeHeader("Access-Control-Allow-Credentials", true)).toBe("true");
    expect(serializeHeader("vary", "*")).toBe("*");
    expect(serializeHeader("access-control-allow-headers", [])).toBe("");
  });

  test("serializers throw TypeError on invalid runtime values", () => {
    const invalid: [string, unknown][] = [
      ["access-control-allow-credentials", false],
      ["access-control-allow-credentials", "true"],
      ["access-control-max-age", -1],
      ["access-control-max-age", 1.5],
      ["access-control-max-age", 2147483649],
      ["access-control-allow-methods", ["GE T"]],
      ["access-control-allow-methods", "GET"],
      ["access-control-allow-headers", ["X-Upper"]],
      ["access-control-allow-headers", ["x\r\nset-cookie: a=b"]],
      ["access-control-request-headers", []],
      ["access-control-allow-origin", "https://example.com/"],
      ["access-control-allow-origin", "https://a.test\r\nx: y"],
      ["origin", "*"],
      ["vary", ["origin", "*"]],
      ["access-control-request-method", ""],
      ["x-unknown", "1"],
    ];
    for (const [name, value] of invalid) {
      expect(() => serializeHeader(name as string, value), `${name} ${JSON.stringify(value)}`).toThrow(/^typed-headers: /);
      expect(() => serializeHeader(name as string, value)).toThrow(TypeError);
    }
  });
});

describe("serializeHeader remembers only values that cannot change", () => {
  test("a mutable array is validated again on every call", () => {
    const methods: string[] = ["GET"];
    expect(serializeHeader("access-control-allow-methods", methods as never)).toBe("GET");
    methods.push("PUT");
    expect(serializeHeader("access-control-allow-methods", methods as never)).toBe("GET, PUT");
    methods.push("GE T");
    expect(() => serializeHeader("access-control-allow-methods", methods as never)).toThrow(TypeError);
  });

  test("a frozen array gives the same output every time, after other values", () => {
    const frozen = Object.freeze(["content-type" as const]);
    expect(serializeHeader("access-control-allow-headers", frozen)).toBe("content-type");
    expect(serializeHeader("access-control-allow-headers", ["x-other" as never])).toBe("x-other");
    expect(serializeHeader("access-control-allow-headers", frozen)).toBe("content-type");
  });
});
