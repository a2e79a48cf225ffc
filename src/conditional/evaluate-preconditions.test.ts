import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ifMatchHeader, ifNoneMatchHeader } from "../headers/conditional/match.js";
import { strongCompare, weakCompare, type EntityTag } from "../syntax/entity-tag.js";
import { HttpDate } from "../syntax/http-date.js";
import { evaluatePreconditions, type CurrentRepresentation } from "./evaluate-preconditions.js";

const current: CurrentRepresentation = {
  etag: { weak: false, tag: "v2" },
  lastModified: HttpDate.from("Wed, 01 Jan 2020 00:00:00 GMT"),
};

type Header = "if-match" | "if-unmodified-since" | "if-none-match" | "if-modified-since" | "if-range";

/** For each conditional header, a value whose condition holds against `current` and one whose condition fails. */
const values: Record<Header, { holds: string; fails: string }> = {
  "if-match": { holds: '"v1", "v2"', fails: '"v1", W/"v2"' }, // strong comparison: W/"v2" does not match
  "if-unmodified-since": { holds: "Thu, 02 Jan 2020 00:00:00 GMT", fails: "Tue, 31 Dec 2019 00:00:00 GMT" },
  "if-none-match": { holds: '"v1"', fails: 'W/"v2"' }, // weak comparison: W/"v2" matches, so the condition fails
  "if-modified-since": { holds: "Tue, 31 Dec 2019 00:00:00 GMT", fails: "Wed, 01 Jan 2020 00:00:00 GMT" },
  "if-range": { holds: '"v2"', fails: "Tue, 31 Dec 2019 00:00:00 GMT" },
};
const headers = Object.keys(values) as Header[];

/**
 * RFC 9110 §13.2.2 as a table of precedence, independent of the implementation's control flow:
 * the first failing step answers; a step is skipped when an earlier header replaces it.
 */
function expected(method: string, present: Partial<Record<Header, boolean>>, withRange: boolean) {
  const safe = method === "GET" || method === "HEAD";
  if (present["if-match"] === false) return { status: 412, useRange: false };
  if (present["if-match"] === undefined && present["if-unmodified-since"] === false) return { status: 412, useRange: false };
  if (present["if-none-match"] === false) return { status: safe ? 304 : 412, useRange: false };
  if (present["if-none-match"] === undefined && safe && present["if-modified-since"] === false)
    return { status: 304, useRange: false };
  return { status: null, useRange: method === "GET" && withRange && present["if-range"] !== false };
}

const pairs: [Header, Header][] = headers.flatMap((a, i) => headers.slice(i + 1).map((b) => [a, b] as [Header, Header]));
const rows = pairs.flatMap(([a, b]) =>
  [true, false].flatMap((aHolds) =>
    [true, false].flatMap((bHolds) => ["GET", "HEAD", "PUT", "DELETE"].map((method) => ({ method, a, aHolds, b, bHolds }))),
  ),
);

describe("evaluatePreconditions follows RFC 9110 §13.2.2's order", () => {
  test("the table covers every pair of conditional headers (10 pairs × 4 outcomes × 4 methods)", () => {
    expect(pairs).toHaveLength(10);
    expect(rows).toHaveLength(160);
  });

  test.each(rows)("$method with $a ($aHolds) and $b ($bHolds)", ({ method, a, aHolds, b, bHolds }) => {
    const request = {
      range: "bytes=0-9",
      [a]: aHolds ? values[a].holds : values[a].fails,
      [b]: bHolds ? values[b].holds : values[b].fails,
    };
    expect(evaluatePreconditions({ method, headers: request }, current)).toEqual(
      expected(method, { [a]: aHolds, [b]: bHolds }, true),
    );
  });

  test("each header alone, with and without Range", () => {
    for (const header of headers) {
      for (const holds of [true, false]) {
        for (const withRange of [true, false]) {
          const request: Record<string, string> = { [header]: holds ? values[header].holds : values[header].fails };
          if (withRange) request.range = "bytes=0-9";
          expect(evaluatePreconditions({ method: "GET", headers: request }, current), `${header} ${holds} ${withRange}`).toEqual(
            expected("GET", { [header]: holds }, withRange),
          );
        }
      }
    }
  });
});

describe("evaluatePreconditions, case by case", () => {
  const evaluate = (method: string, request: Record<string, string>, state: CurrentRepresentation | null = current) =>
    evaluatePreconditions({ method, headers: request }, state);

  test("no conditions: proceed; Range is usable only on GET", () => {
    expect(evaluate("GET", {})).toEqual({ status: null, useRange: false });
    expect(evaluate("GET", { range: "bytes=0-1" })).toEqual({ status: null, useRange: true });
    expect(evaluate("HEAD", { range: "bytes=0-1" })).toEqual({ status: null, useRange: false });
    expect(evaluate("POST", { range: "bytes=0-1" })).toEqual({ status: null, useRange: false });
  });

  test("CONNECT, OPTIONS and TRACE ignore every precondition (§13.2.1)", () => {
    for (const method of ["OPTIONS", "TRACE", "CONNECT", "options"]) {
      expect(evaluate(method, { "if-match": '"nope"', "if-none-match": "*" })).toEqual({ status: null, useRange: false });
    }
  });

  test("*: If-Match needs a current representation, If-None-Match needs none (PUT to create)", () => {
    expect(evaluate("PUT", { "if-none-match": "*" }, null)).toEqual({ status: null, useRange: false });
    expect(evaluate("PUT", { "if-none-match": "*" })).toEqual({ status: 412, useRange: false });
    expect(evaluate("GET", { "if-none-match": "*" })).toEqual({ status: 304, useRange: false });
    expect(evaluate("PUT", { "if-match": "*" }, null)).toEqual({ status: 412, useRange: false });
    expect(evaluate("PUT", { "if-match": "*" })).toEqual({ status: null, useRange: false });
    expect(evaluate("PUT", { "if-match": "*" }, {})).toEqual({ status: null, useRange: false }); // exists, no validators
  });

  test("without an ETag, no listed tag matches; without a date, the date conditions are ignored", () => {
    expect(evaluate("PUT", { "if-match": '"v2"' }, {})).toEqual({ status: 412, useRange: false });
    expect(evaluate("GET", { "if-none-match": '"v2"' }, {})).toEqual({ status: null, useRange: false });
    expect(evaluate("GET", { "if-modified-since": values["if-modified-since"].fails }, {})).toEqual({
      status: null,
      useRange: false,
    });
    expect(evaluate("PUT", { "if-unmodified-since": values["if-unmodified-since"].fails }, {})).toEqual({
      status: null,
      useRange: false,
    });
  });

  test("If-Modified-Since is ignored unless it is one valid HTTP-date, and for other methods than GET and HEAD", () => {
    const notModified = values["if-modified-since"].fails;
    expect(evaluate("GET", { "if-modified-since": notModified })).toEqual({ status: 304, useRange: false });
    expect(evaluate("GET", { "if-modified-since": `${notModified}, ${notModified}` })).toEqual({ status: null, useRange: false });
    expect(evaluate("GET", { "if-modified-since": "2020-01-01" })).toEqual({ status: null, useRange: false });
    expect(evaluate("POST", { "if-modified-since": notModified })).toEqual({ status: null, useRange: false });
  });

  test("an If-Match or If-None-Match that does not parse: ignored for GET/HEAD, 412 for unsafe methods", () => {
    expect(evaluate("GET", { "if-match": "v2" })).toEqual({ status: null, useRange: false });
    expect(evaluate("PUT", { "if-match": "v2" })).toEqual({ status: 412, useRange: false });
    expect(evaluate("HEAD", { "if-none-match": "v2" })).toEqual({ status: null, useRange: false });
    expect(evaluate("DELETE", { "if-none-match": "v2" })).toEqual({ status: 412, useRange: false });
    // A matching tag does not make the rest of the value parse.
    expect(evaluate("PUT", { "if-match": '"v2", v3' })).toEqual({ status: 412, useRange: false });
    expect(evaluate("GET", { "if-none-match": '"v2""' })).toEqual({ status: null, useRange: false });
    // An ignored If-Match lets If-Unmodified-Since speak (step 2).
    expect(evaluate("GET", { "if-match": "v2", "if-unmodified-since": values["if-unmodified-since"].fails })).toEqual({
      status: 412,
      useRange: false,
    });
  });

  test("If-Range: strong comparison for tags, exact equality for dates; ignored without Range", () => {
    const weakCurrent: CurrentRepresentation = { ...current, etag: { weak: true, tag: "v2" } };
    expect(evaluate("GET", { range: "bytes=0-1", "if-range": 'W/"v2"' }, weakCurrent)).toEqual({ status: null, useRange: false });
    expect(evaluate("GET", { range: "bytes=0-1", "if-range": "Wed, 01 Jan 2020 00:00:00 GMT" })).toEqual({
      status: null,
      useRange: true,
    });
    expect(evaluate("GET", { range: "bytes=0-1", "if-range": "Wed, 01 Jan 2020 00:00:01 GMT" })).toEqual({
      status: null,
      useRange: false,
    });
    expect(evaluate("GET", { range: "bytes=0-1", "if-range": "not a validator" })).toEqual({ status: null, useRange: false });
    expect(evaluate("GET", { "if-range": '"v2"' })).toEqual({ status: null, useRange: false });
  });

  test("lowercase methods mean what a JavaScript caller intends", () => {
    expect(evaluate("get", { "if-none-match": '"v2"' })).toEqual({ status: 304, useRange: false });
    expect(evaluate("put", { "if-none-match": '"v2"' })).toEqual({ status: 412, useRange: false });
  });

  test("lastModified with milliseconds is compared at whole seconds", () => {
    const withMs = { lastModified: new Date("2020-01-01T00:00:00.900Z") as HttpDate };
    expect(evaluate("GET", { "if-modified-since": "Wed, 01 Jan 2020 00:00:00 GMT" }, withMs)).toEqual({
      status: 304,
      useRange: false,
    });
  });

  test("reads headers from Fetch Headers, Node's rawHeaders and repeated lines", () => {
    const fetchHeaders = new Headers({ "If-None-Match": '"x", "v2"' });
    expect(evaluatePreconditions({ method: "GET", headers: fetchHeaders }, current).status).toBe(304);
    expect(
      evaluatePreconditions({ method: "GET", headers: ["If-None-Match", '"x"', "If-None-Match", '"v2"'] }, current).status,
    ).toBe(304);
  });

  test("a JavaScript caller's mistakes are TypeErrors that say what to do", () => {
    expect(() => evaluatePreconditions({ method: "GET", headers: {} }, { etag: '"v2"' as unknown as EntityTag })).toThrow(
      /^typed-headers: evaluatePreconditions expects current.etag to be an EntityTag/,
    );
    expect(() =>
      evaluatePreconditions({ method: "GET", headers: {} }, { lastModified: "yesterday" as unknown as HttpDate }),
    ).toThrow(/current.lastModified/);
    expect(() => evaluatePreconditions({ headers: {} } as never, current)).toThrow(/string method/);
  });
});

describe("evaluatePreconditions reads every kind of header record", () => {
  const ifNoneMatch = '"v2"';
  test.each([
    ["Node's req.headers (Object.prototype, lowercase names)", { "if-none-match": ifNoneMatch }],
    ["a null-prototype record", Object.assign(Object.create(null) as object, { "if-none-match": ifNoneMatch })],
    ["a record with mixed-case names", { "If-None-Match": ifNoneMatch }],
    ["a record with an array value", { "if-none-match": ['"x"', ifNoneMatch] }],
  ])("%s", (_name, headers) => {
    expect(evaluatePreconditions({ method: "GET", headers: headers as never }, current).status).toBe(304);
  });

  test("a polluted Object.prototype adds no condition (inherited names are not headers)", () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["if-match"] = '"nobody"';
    prototype["if-none-match"] = ifNoneMatch;
    try {
      expect(evaluatePreconditions({ method: "PUT", headers: { host: "a.example" } }, current)).toEqual({
        status: null,
        useRange: false,
      });
      expect(evaluatePreconditions({ method: "GET", headers: { host: "a.example" } }, current).status).toBe(null);
    } finally {
      delete prototype["if-match"];
      delete prototype["if-none-match"];
    }
  });
});

describe("If-Match and If-None-Match against the parsed list", () => {
  // The values are made of the parts of entity-tag lists, so that most are one tag (the path
  // evaluatePreconditions takes without walking the list) and many are lists or malformed.
  const part = fc.constantFrom('"', 'W/"', 'w/"', "v2", "v1", "v", "2", ",", ", ", " ", "\t", "*", " x", "\u00e9", "\u0100");
  const value = fc.oneof(
    fc.array(part, { maxLength: 8 }).map((parts) => parts.join("")),
    fc.constantFrom('"v2"', 'W/"v2"', '"v1"', '""', '"v2', 'v2"', ' "v2"', '"v2" ', '"v2",', '"v 2"'),
  );
  const tag = fc.constantFrom("v2", "v1", "", "v 2", 'v"2');
  const etag = fc.record({ weak: fc.boolean(), tag });

  test("If-None-Match on GET: 304 exactly when a listed tag matches weakly (or *), the header ignored when it does not parse", () => {
    fc.assert(
      fc.property(value, etag, (header, current) => {
        const parsed = ifNoneMatchHeader.parse(header);
        const matches = parsed.ok && (parsed.value === "*" || parsed.value.some((listed) => weakCompare(listed, current)));
        const outcome = evaluatePreconditions({ method: "GET", headers: { "if-none-match": header } }, { etag: current });
        expect(outcome.status).toBe(matches ? 304 : null);
      }),
    );
  });

  test("If-Match on PUT: proceed exactly when a listed tag matches strongly (or *), 412 otherwise and when it does not parse", () => {
    fc.assert(
      fc.property(value, etag, (header, current) => {
        const parsed = ifMatchHeader.parse(header);
        const matches = parsed.ok && (parsed.value === "*" || parsed.value.some((listed) => strongCompare(listed, current)));
        const outcome = evaluatePreconditions({ method: "PUT", headers: { "if-match": header } }, { etag: current });
        expect(outcome.status).toBe(matches ? null : 412);
      }),
    );
  });
});
