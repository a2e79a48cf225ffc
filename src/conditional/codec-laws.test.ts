// The laws every header codec obeys (DESIGN §8), for the conditional, caching and range headers:
// parse never throws, parse(serialize(v)) is v, canonical output is a fixed point, and the
// serializer writes a valid field value or throws the library's TypeError.
import fc from "fast-check";
import { headerLaws } from "../../test/header-laws.js";
import { fieldName, token } from "../../test/arbitraries.js";
import { cacheControlHeader } from "../headers/cache-control.js";
import type { HeaderCodec } from "../headers/codec.js";
import {
  dateHeader,
  expiresHeader,
  ifModifiedSinceHeader,
  ifUnmodifiedSinceHeader,
  lastModifiedHeader,
} from "../headers/conditional/dates.js";
import { etagHeader } from "../headers/conditional/etag.js";
import { ifRangeHeader } from "../headers/conditional/if-range.js";
import { ifMatchHeader, ifNoneMatchHeader } from "../headers/conditional/match.js";
import { retryAfterHeader } from "../headers/conditional/retry-after.js";
import { acceptRangesHeader } from "../headers/ranges/accept-ranges.js";
import { contentRangeHeader } from "../headers/ranges/content-range.js";
import { rangeHeader } from "../headers/ranges/range.js";
import { HttpDate } from "../syntax/http-date.js";

const ETAGC = ["!", ..."#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~", "\u0080", "\u00e9", "\u00ff"];
const entityTag = fc.record({ weak: fc.boolean(), tag: fc.string({ unit: fc.constantFrom(...ETAGC), maxLength: 12 }) });
const httpDate = fc.integer({ min: -62167219200, max: 253402300799 }).map((s) => HttpDate.from(s * 1000));
const seconds = fc.oneof(fc.integer({ min: 0, max: 2147483648 }), fc.constantFrom(0, 2147483648));
const position = fc.oneof(fc.nat(10000), fc.constant(Number.MAX_SAFE_INTEGER));
const lowercaseToken = token.map((t) => t.toLowerCase());
const QUOTABLE = [...' \t!"#,;=\\aZ09~', "\u0080", "\u00ff"];
const OTHER_RANGE = [...'!#*+-./09:;<=>?@AZ[\\]^_`az{|}~"'];

const registered = new Set([
  "max-age",
  "s-maxage",
  "no-cache",
  "no-store",
  "private",
  "public",
  "must-revalidate",
  "proxy-revalidate",
  "must-understand",
  "no-transform",
  "immutable",
  "stale-while-revalidate",
  "stale-if-error",
  "max-stale",
  "min-fresh",
  "only-if-cached",
]);
const fieldNames = fc.uniqueArray(fieldName, { maxLength: 3 });

const cacheControl = fc
  .tuple(
    fc.record(
      {
        maxAge: seconds,
        sMaxage: seconds,
        noCache: fc.oneof(fc.constant(true as const), fieldNames),
        noStore: fc.constant(true as const),
        private: fc.oneof(fc.constant(true as const), fieldNames),
        public: fc.constant(true as const),
        mustRevalidate: fc.constant(true as const),
        proxyRevalidate: fc.constant(true as const),
        mustUnderstand: fc.constant(true as const),
        noTransform: fc.constant(true as const),
        immutable: fc.constant(true as const),
        staleWhileRevalidate: seconds,
        staleIfError: seconds,
        maxStale: fc.oneof(fc.constant(true as const), seconds),
        minFresh: seconds,
        onlyIfCached: fc.constant(true as const),
      },
      { requiredKeys: [] },
    ),
    fc.uniqueArray(
      fc.tuple(
        lowercaseToken.filter((name) => !registered.has(name)),
        fc.oneof(fc.constant(true as const), fc.string({ unit: fc.constantFrom(...QUOTABLE), maxLength: 8 })),
      ),
      { maxLength: 3, selector: ([name]) => name },
    ),
  )
  .map(([directives, extensions]) => (extensions.length === 0 ? directives : { ...directives, extensions: new Map(extensions) }));

const byteRangeSpec = fc.oneof(
  fc.tuple(position, position).map(([a, b]) => ({ first: Math.min(a, b), last: Math.max(a, b) })),
  position.map((first) => ({ first })),
  position.map((suffix) => ({ suffix })),
);
const otherRangeSet = fc
  .array(fc.string({ unit: fc.constantFrom(...OTHER_RANGE), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
  .chain((members) => fc.constantFrom(members.join(","), members.join(", ")));
const range = fc.oneof(
  fc.array(byteRangeSpec, { minLength: 1, maxLength: 4 }).map((ranges) => ({ unit: "bytes" as const, ranges })),
  fc.record({ unit: lowercaseToken.filter((u) => u !== "bytes"), value: otherRangeSet }),
);
const contentRange = fc.oneof(
  fc.record({ unit: lowercaseToken, range: fc.constant(null), size: position }),
  fc
    .tuple(lowercaseToken, position, position, fc.option(fc.nat(1000), { nil: null }))
    .filter(([, a, b, extra]) => extra === null || Math.max(a, b) + 1 + extra <= Number.MAX_SAFE_INTEGER)
    .map(([unit, a, b, extra]) => ({
      unit,
      range: { first: Math.min(a, b), last: Math.max(a, b) },
      size: extra === null ? null : Math.max(a, b) + 1 + extra,
    })),
);

const cases: [HeaderCodec<string, unknown>, fc.Arbitrary<unknown>][] = [
  [dateHeader, httpDate],
  [lastModifiedHeader, httpDate],
  [ifModifiedSinceHeader, httpDate],
  [ifUnmodifiedSinceHeader, httpDate],
  [expiresHeader, httpDate],
  [retryAfterHeader, fc.oneof(httpDate, seconds)],
  [etagHeader, entityTag],
  [ifMatchHeader, fc.oneof(fc.constant("*"), fc.array(entityTag, { maxLength: 4 }))],
  [ifNoneMatchHeader, fc.oneof(fc.constant("*"), fc.array(entityTag, { maxLength: 4 }))],
  [ifRangeHeader, fc.oneof(entityTag, httpDate)],
  [cacheControlHeader, cacheControl],
  [rangeHeader, range],
  [contentRangeHeader, contentRange],
  [acceptRangesHeader, fc.array(lowercaseToken, { minLength: 1, maxLength: 3 })],
] as never;

// The laws of every header (test/header-laws.ts), for each codec with its generator.
for (const [codec, valid] of cases) headerLaws(codec, valid);
