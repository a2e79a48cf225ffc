// Differential tests against the jshttp packages a Node server uses today: `fresh` (conditional
// GET), `range-parser@2` (ranges) and `etag` (entity tags). On generated inputs where the
// standards leave no room, the answers must agree; every known deviation is a test below that
// says why this library's answer is the one RFC 9110 asks for.
import etag from "etag";
import fc from "fast-check";
import fresh from "fresh";
import { parse as rangeParse } from "range-parser";
import { describe, expect, test } from "vitest";
import { etagHeader } from "../headers/conditional/etag.js";
import { rangeHeader } from "../headers/ranges/range.js";
import { EntityTag, strongCompare, weakCompare } from "../syntax/entity-tag.js";
import { HttpDate } from "../syntax/http-date.js";
import { evaluatePreconditions } from "./evaluate-preconditions.js";
import { resolveRanges } from "./resolve-ranges.js";

/** Whether this library answers 304 to a GET, as `fresh(req, res) === true` would. */
function notModified(request: Record<string, string>, response: { etag?: string; "last-modified"?: string }): boolean {
  const current = {
    ...(response.etag !== undefined && { etag: EntityTag.from(response.etag) }),
    ...(response["last-modified"] !== undefined && { lastModified: HttpDate.from(response["last-modified"]) }),
  };
  return evaluatePreconditions({ method: "GET", headers: request }, current).status === 304;
}

describe("against fresh@2 (conditional GET)", () => {
  const opaque = fc.constantFrom("a", "b", "abc", "5-qvTGHdzF6KLavt4PO0gs2a6pQ00", "");
  const tag = fc.tuple(fc.boolean(), opaque).map(([weak, t]) => `${weak ? "W/" : ""}"${t}"`);
  const tagList = fc
    .array(tag, { minLength: 1, maxLength: 4 })
    .chain((tags) => fc.constantFrom(tags.join(", "), tags.join(","), tags.join(" , ")));
  const time = fc.integer({ min: 0, max: 4102444800 }).map((s) => s * 1000);
  const imfDate = time.map((t) => new Date(t).toUTCString());

  test("agree on generated requests with well-formed validators", () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(tagList, fc.constant("*")), { nil: undefined }),
        fc.option(imfDate, { nil: undefined }),
        fc.option(tag, { nil: undefined }),
        fc.option(imfDate, { nil: undefined }),
        (ifNoneMatch, ifModifiedSince, responseTag, lastModified) => {
          const request: Record<string, string> = {};
          if (ifNoneMatch !== undefined) request["if-none-match"] = ifNoneMatch;
          if (ifModifiedSince !== undefined) request["if-modified-since"] = ifModifiedSince;
          const response = {
            ...(responseTag !== undefined && { etag: responseTag }),
            ...(lastModified !== undefined && { "last-modified": lastModified }),
          };
          expect(notModified(request, response)).toBe(fresh(request, response));
        },
      ),
    );
  });

  test("deviation: Cache-Control: no-cache in the request does not cancel a precondition (RFC 9110 §13.2.2 has no such step)", () => {
    const request = { "if-none-match": '"a"', "cache-control": "no-cache" };
    expect(fresh(request, { etag: '"a"' })).toBe(false);
    expect(notModified(request, { etag: '"a"' })).toBe(true); // caches handle no-cache; the origin's validator still matches
  });

  test("deviation: an If-Modified-Since that is not an HTTP-date is ignored (§13.1.3: MUST ignore), not read by Date.parse", () => {
    const lastModified = "Wed, 01 Jan 2020 00:00:00 GMT";
    for (const since of ["2020-01-02", "January 2, 2020", "Thu, 02 Jan 2020 00:00:00 +0000", "thu, 02 jan 2020 00:00:00 gmt"]) {
      expect(fresh({ "if-modified-since": since }, { "last-modified": lastModified })).toBe(true);
      expect(notModified({ "if-modified-since": since }, { "last-modified": lastModified })).toBe(false);
    }
  });

  test("deviation: a comma inside an entity tag is part of the tag (§8.8.3: etagc includes ','), not a list separator", () => {
    expect(fresh({ "if-none-match": '"a,b"' }, { etag: '"a,b"' })).toBe(false);
    expect(notModified({ "if-none-match": '"a,b"' }, { etag: '"a,b"' })).toBe(true);
  });

  test("deviation: an empty If-None-Match is present (an empty list), so If-Modified-Since is not evaluated (§13.2.2 step 4)", () => {
    const request = { "if-none-match": "", "if-modified-since": "Wed, 01 Jan 2020 00:00:00 GMT" };
    const response = { "last-modified": "Wed, 01 Jan 2020 00:00:00 GMT" };
    expect(fresh(request, response)).toBe(true);
    expect(notModified(request, response)).toBe(false);
  });

  test("deviation: unquoted 'tags' are not entity tags, so the If-None-Match is ignored for a GET", () => {
    expect(fresh({ "if-none-match": "abc" }, { etag: "abc" })).toBe(true);
    expect(evaluatePreconditions({ method: "GET", headers: { "if-none-match": "abc" } }, {}).status).toBeNull();
  });
});

describe("against range-parser@2 (byte ranges)", () => {
  const position = fc.oneof(fc.nat(120), fc.nat(Number.MAX_SAFE_INTEGER));
  const spec = fc.oneof(
    fc.tuple(position, position).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    position.map((a) => `${a}-`),
    position.map((n) => `-${n}`),
  );
  const header = fc
    .array(spec, { minLength: 1, maxLength: 4 })
    .chain((specs) => fc.constantFrom(`bytes=${specs.join(",")}`, `bytes=${specs.join(", ")}`));

  test("agree on the satisfiable ranges, and on 416, for well-formed byte ranges", () => {
    fc.assert(
      fc.property(header, fc.nat(100), (value, size) => {
        const theirs = rangeParse(size, value);
        const parsed = rangeHeader.parse(value);
        expect(parsed.ok).toBe(true);
        const ours = parsed.ok ? resolveRanges(parsed.value, size) : undefined;
        expect(theirs.code & 1).toBe(0); // every range well-formed for range-parser too
        const suffixOnEmpty =
          size === 0 && parsed.ok && "ranges" in parsed.value && parsed.value.ranges.some((r) => "suffix" in r && r.suffix > 0);
        if (suffixOnEmpty)
          expect(ours).toEqual([]); // the deviation below
        else if (theirs.ranges.length === 0 && theirs.code !== 0) expect(ours).toBeNull();
        else expect(ours).toEqual(theirs.ranges.map(({ start, end }) => ({ first: start, last: end })));
      }),
    );
  });

  test("deviation: a range whose last is before its first makes the whole Range invalid (§14.1.1), not just that range", () => {
    expect(rangeParse(100, "bytes=10-5,0-1")).toMatchObject({ code: 1, ranges: [{ start: 0, end: 1 }] });
    expect(rangeHeader.parse("bytes=10-5,0-1")).toMatchObject({ ok: false, error: { code: "invalid-range" } });
  });

  test("deviation: SP/HTAB around '=' and '-' are accepted, as browsers read Range (Fetch 'parse a single range header value')", () => {
    expect(rangeParse(100, "bytes=5 - 10").code).toBe(1);
    expect(rangeParse(100, "bytes \t =\t 6-").type).toBe("bytes \t ");
    expect(rangeHeader.parse("bytes=5 - 10")).toEqual({ ok: true, value: { unit: "bytes", ranges: [{ first: 5, last: 10 }] } });
    expect(rangeHeader.parse("bytes \t =\t 6-")).toEqual({ ok: true, value: { unit: "bytes", ranges: [{ first: 6 }] } });
  });

  test("deviation: a non-zero suffix on an empty representation is satisfiable (§14.1.1), whatever else is asked: [] rather than 416", () => {
    expect(rangeParse(0, "bytes=-5")).toEqual({ code: 0, type: "bytes", ranges: [] });
    expect(rangeParse(0, "bytes=-1,0-")).toEqual({ code: 2, type: "bytes", ranges: [] }); // code 2: unsatisfiable
    expect(resolveRanges({ unit: "bytes", ranges: [{ suffix: 5 }] }, 0)).toEqual([]);
    expect(resolveRanges({ unit: "bytes", ranges: [{ suffix: 1 }, { first: 0 }] }, 0)).toEqual([]);
  });

  test("deviation: a unit other than bytes is not resolved as bytes (§14.2: ignore a Range with an unsupported unit)", () => {
    expect(rangeParse(100, "items=0-5")).toMatchObject({ code: 0, type: "items", ranges: [{ start: 0, end: 5 }] });
    expect(rangeHeader.parse("items=0-5")).toEqual({ ok: true, value: { unit: "items", value: "0-5" } });
  });
});

describe("against etag@1 (entity tags a Node server generates)", () => {
  const entity = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  );

  test("every tag etag() generates parses, keeps its weakness, and compares as §8.8.3.2 says", () => {
    fc.assert(
      fc.property(entity, entity, fc.boolean(), (a, b, weak) => {
        const [textA, textB] = [etag(a, { weak }), etag(b, { weak })];
        const [tagA, tagB] = [etagHeader.parse(textA), etagHeader.parse(textB)];
        expect(tagA.ok && tagB.ok).toBe(true);
        if (!tagA.ok || !tagB.ok) return;
        expect(tagA.value.weak).toBe(weak);
        expect(etagHeader.serialize(tagA.value)).toBe(textA);
        // Same text, same tag: a weak match always, a strong match only when neither is weak.
        expect(weakCompare(tagA.value, tagB.value)).toBe(textA === textB);
        expect(strongCompare(tagA.value, tagB.value)).toBe(textA === textB && !weak);
      }),
    );
  });

  test("a weak and a strong tag for the same content: a weak match, never a strong one", () => {
    const strong = EntityTag.from(etag("hello"));
    const weak = EntityTag.from(etag("hello", { weak: true }));
    expect([weakCompare(strong, weak), strongCompare(strong, weak)]).toEqual([true, false]);
  });
});
