import { expectTypeOf, test } from "vitest";
import type { CacheControl } from "../headers/cache-control.js";
import { cacheControlHeader } from "../headers/cache-control.js";
import type { HeaderCodec } from "../headers/codec.js";
import { dateHeader } from "../headers/conditional/dates.js";
import { etagHeader } from "../headers/conditional/etag.js";
import { ifRangeHeader } from "../headers/conditional/if-range.js";
import { ifNoneMatchHeader, type EntityTagCondition } from "../headers/conditional/match.js";
import { retryAfterHeader } from "../headers/conditional/retry-after.js";
import { contentRangeHeader, type ContentRange } from "../headers/ranges/content-range.js";
import { rangeHeader, type ByteRangeSpec, type Range } from "../headers/ranges/range.js";
import type { DeltaSeconds } from "../syntax/delta-seconds.js";
import type { EntityTag } from "../syntax/entity-tag.js";
import { HttpDate } from "../syntax/http-date.js";
import { evaluatePreconditions, type PreconditionOutcome } from "./evaluate-preconditions.js";
import { resolveRanges, type ByteRange } from "./resolve-ranges.js";

test("codecs carry their name and value type", () => {
  expectTypeOf(dateHeader).toEqualTypeOf<HeaderCodec<"date", HttpDate>>();
  expectTypeOf(etagHeader).toEqualTypeOf<HeaderCodec<"etag", EntityTag>>();
  expectTypeOf(ifNoneMatchHeader).toEqualTypeOf<HeaderCodec<"if-none-match", EntityTagCondition>>();
  expectTypeOf(ifRangeHeader).toEqualTypeOf<HeaderCodec<"if-range", EntityTag | HttpDate>>();
  expectTypeOf(retryAfterHeader).toEqualTypeOf<HeaderCodec<"retry-after", HttpDate | DeltaSeconds>>();
  expectTypeOf(cacheControlHeader).toEqualTypeOf<HeaderCodec<"cache-control", CacheControl>>();
  expectTypeOf(rangeHeader).toEqualTypeOf<HeaderCodec<"range", Range>>();
  expectTypeOf(contentRangeHeader).toEqualTypeOf<HeaderCodec<"content-range", ContentRange>>();
});

test("HttpDate is a branded Date: a plain Date needs HttpDate.from", () => {
  expectTypeOf(HttpDate.from(new Date())).toEqualTypeOf<HttpDate>();
  expectTypeOf<HttpDate>().toMatchTypeOf<Date>();
  expectTypeOf<Date>().not.toMatchTypeOf<HttpDate>();
  // @ts-expect-error - a Date with milliseconds is not an HttpDate until HttpDate.from checks it
  dateHeader.serialize(new Date());
});

test("Range narrows on `ranges`; resolveRanges gives inclusive byte ranges or null", () => {
  const range = {} as Range;
  if ("ranges" in range) expectTypeOf(range.ranges).toEqualTypeOf<readonly ByteRangeSpec[]>();
  else expectTypeOf(range.value).toEqualTypeOf<string>();
  expectTypeOf(resolveRanges(range, 10)).toEqualTypeOf<readonly ByteRange[] | null>();
});

test("Cache-Control takes plain numbers and literal true", () => {
  const value: CacheControl = { maxAge: 60, public: true, maxStale: true };
  expectTypeOf(value.noCache).toEqualTypeOf<true | readonly import("../syntax/field-name.js").FieldName[] | undefined>();
  // @ts-expect-error - a directive without an argument is `true`, never `false`
  const bad: CacheControl = { noStore: false };
  void bad;
});

test("ContentRange: an unsatisfied range needs a size", () => {
  const ok: ContentRange = { unit: "bytes", range: null, size: 10 };
  void ok;
  // @ts-expect-error - `bytes */*` is not a Content-Range
  const bad: ContentRange = { unit: "bytes", range: null, size: null };
  void bad;
});

test("evaluatePreconditions takes any header input and a current representation or null", () => {
  expectTypeOf(evaluatePreconditions({ method: "GET", headers: new Headers() }, null)).toEqualTypeOf<PreconditionOutcome>();
  expectTypeOf<PreconditionOutcome["status"]>().toEqualTypeOf<304 | 412 | null>();
  // @ts-expect-error - an entity tag is { weak, tag }, not the header text
  evaluatePreconditions({ method: "GET", headers: {} }, { etag: '"v1"' });
});
