import { expectTypeOf, test } from "vitest";
import { Origin, parseHeader, serializeHeader, type OriginValue, type ParseResult } from "typed-headers";
import "./timing-allow-origin.js";

test("a merged header is fully typed in parseHeader and serializeHeader", () => {
  expectTypeOf(parseHeader("Timing-Allow-Origin", "*")).toEqualTypeOf<ParseResult<"*" | readonly OriginValue[]>>();
  serializeHeader("timing-allow-origin", "*");
  serializeHeader("timing-allow-origin", [Origin.from("https://a.example")]);
  // @ts-expect-error - a plain string array is not origins
  serializeHeader("timing-allow-origin", ["https://a.example"] as string[]);
  // @ts-expect-error - not the value type
  serializeHeader("timing-allow-origin", 5);
});
