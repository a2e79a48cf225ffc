import { expectTypeOf, test } from "vitest";
import { HeaderMap, Origin, type DeltaSeconds, type OriginValue, type ParseResult, type VaryValue } from "typed-headers";

test("typed get/set/append go through the registry", () => {
  const map = HeaderMap.from({});
  expectTypeOf(map.get("Origin")).toEqualTypeOf<ParseResult<OriginValue>>();
  expectTypeOf(map.get("access-control-max-age")).toEqualTypeOf<ParseResult<DeltaSeconds>>();
  expectTypeOf(map.get("VARY")).toEqualTypeOf<ParseResult<VaryValue>>();
  map.set("access-control-allow-origin", Origin.from("https://a.example")).append("vary", ["origin"]);
  // @ts-expect-error - not a registered header
  map.get("x-unknown");
  // @ts-expect-error - ACAC is the literal true
  map.set("access-control-allow-credentials", false);
  // @ts-expect-error - a plain string is not an Origin
  map.set("access-control-allow-origin", "https://a.example" as string);
  expectTypeOf(map.getRaw("anything")).toEqualTypeOf<string | null>();
  expectTypeOf([...map]).toEqualTypeOf<[string, string][]>();
});
