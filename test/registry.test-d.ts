import { describe, expectTypeOf, test } from "vitest";
import {
  DeltaSeconds,
  FieldName,
  Method,
  Origin,
  parseHeader,
  serializeHeader,
  type HeaderRegistry,
  type ParseResult,
  type OriginValue,
  type VaryValue,
} from "typed-headers";
import { accessControlAllowCredentialsHeader, accessControlMaxAgeHeader, originHeader, varyHeader } from "typed-headers/headers";

describe("parseHeader types", () => {
  test("any casing of a known name infers its value type", () => {
    expectTypeOf(parseHeader("Access-Control-Max-Age", "5")).toEqualTypeOf<ParseResult<DeltaSeconds>>();
    expectTypeOf(parseHeader("access-control-max-age", "5")).toEqualTypeOf<ParseResult<DeltaSeconds>>();
    expectTypeOf(parseHeader("ORIGIN", "x")).toEqualTypeOf<ParseResult<OriginValue>>();
    expectTypeOf(parseHeader("Access-Control-Allow-Credentials", "true")).toEqualTypeOf<ParseResult<true>>();
    expectTypeOf(parseHeader("Vary", "x")).toEqualTypeOf<ParseResult<VaryValue>>();
    expectTypeOf(parseHeader("access-control-allow-methods", "x")).toEqualTypeOf<ParseResult<readonly (Method | "*")[]>>();
  });

  test("unknown literal names do not compile", () => {
    // @ts-expect-error - not a registered header
    parseHeader("x-not-registered", "1");
    // @ts-expect-error - typo in a known name
    parseHeader("access-control-allow-orign", "*");
  });

  test("a runtime string name compiles and gives unknown", () => {
    const name: string = "origin";
    expectTypeOf(parseHeader(name, "x")).toEqualTypeOf<ParseResult<unknown>>();
  });
});

describe("serializeHeader types", () => {
  test("ACAC is the literal true", () => {
    serializeHeader("access-control-allow-credentials", true);
    // @ts-expect-error - there is no false
    serializeHeader("access-control-allow-credentials", false);
    // @ts-expect-error - not a string either
    serializeHeader("Access-Control-Allow-Credentials", "true");
  });

  test("wrong value types do not compile", () => {
    // @ts-expect-error - max-age needs a DeltaSeconds
    serializeHeader("access-control-max-age", 600);
    serializeHeader("access-control-max-age", DeltaSeconds.from(600));
    // @ts-expect-error - a list header takes an array
    serializeHeader("access-control-allow-methods", "GET");
    // @ts-expect-error - unknown header
    serializeHeader("x-unknown", "1");
  });

  test("standard literals need no ceremony; others do", () => {
    serializeHeader("access-control-allow-methods", ["GET", "POST", "*"]);
    // @ts-expect-error - not a token, not a standard method
    serializeHeader("access-control-allow-methods", ["GE T"]);
    serializeHeader("access-control-allow-methods", [Method.from("PURGE")]);
    serializeHeader("access-control-allow-headers", ["content-type", "*", FieldName.from("X-Trace")]);
    // @ts-expect-error - uppercase is not a FieldName literal
    serializeHeader("access-control-allow-headers", ["Content-Type"]);
  });

  test("brands cannot be made from plain strings", () => {
    const s: string = "https://example.com";
    // @ts-expect-error - a string is not an Origin
    const o: Origin = s;
    expectTypeOf(Origin.from(s)).toEqualTypeOf<Origin>();
    serializeHeader("access-control-allow-origin", Origin.from(s));
    serializeHeader("access-control-allow-origin", "*");
    // @ts-expect-error - a plain string is not an origin
    serializeHeader("access-control-allow-origin", s);
    void o;
  });

  test("type guards narrow", () => {
    const x: unknown = "GET";
    if (Method.is(x)) expectTypeOf(x).toEqualTypeOf<Method>();
    if (DeltaSeconds.is(x)) expectTypeOf(x).toEqualTypeOf<DeltaSeconds>();
  });
});

describe("standalone header codecs (typed-headers/headers)", () => {
  test("carry the registry's value type for their header", () => {
    expectTypeOf(accessControlMaxAgeHeader.parse("600")).toEqualTypeOf<ParseResult<DeltaSeconds>>();
    expectTypeOf(originHeader.parse(["https://a.example"])).toEqualTypeOf<ParseResult<Origin | "null">>();
    expectTypeOf(varyHeader.serialize).parameter(0).toEqualTypeOf<HeaderRegistry["vary"]>();
    expectTypeOf(accessControlAllowCredentialsHeader.name).toEqualTypeOf<"access-control-allow-credentials">();
  });

  test("reject values of the wrong type", () => {
    // @ts-expect-error — Access-Control-Allow-Credentials has no `false`
    accessControlAllowCredentialsHeader.serialize(false);
    // @ts-expect-error — a plain number is not a DeltaSeconds
    accessControlMaxAgeHeader.serialize(600);
  });
});
