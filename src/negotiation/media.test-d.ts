// What the media types' types promise: MediaType is branded (only its constructors make one),
// the codecs' values are the shapes of DESIGN §10, and negotiate takes only the three kinds.
import { describe, expectTypeOf, test } from "vitest";
import { acceptEncodingHeader } from "../headers/accept-encoding.js";
import { acceptHeader, type MediaRange } from "../headers/accept.js";
import { contentLengthHeader } from "../headers/content-length.js";
import { contentTypeHeader } from "../headers/content-type.js";
import { MediaType } from "../syntax/media-type.js";
import type { ParseResult } from "../syntax/result.js";
import type { Weighted } from "../syntax/weight.js";
import { negotiate } from "./negotiate.js";

describe("types", () => {
  test("a MediaType comes from MediaType.from/parse or Content-Type, never from a plain object", () => {
    const json = MediaType.from("application/json");
    expectTypeOf(contentTypeHeader.serialize(json)).toBeString();
    expectTypeOf(json.parameters).toEqualTypeOf<ReadonlyMap<string, string>>();
    // @ts-expect-error -- a plain object is not a checked MediaType
    contentTypeHeader.serialize({ type: "a", subtype: "b", essence: "a/b", parameters: new Map() });
  });

  test("the codecs' values", () => {
    expectTypeOf(contentTypeHeader.parse("text/html")).toEqualTypeOf<ParseResult<MediaType>>();
    expectTypeOf(acceptHeader.parse("*/*")).toEqualTypeOf<ParseResult<readonly MediaRange[]>>();
    expectTypeOf(acceptEncodingHeader.parse("gzip")).toEqualTypeOf<ParseResult<readonly Weighted<string>[]>>();
    expectTypeOf(contentLengthHeader.parse("1")).toEqualTypeOf<ParseResult<number>>();
  });

  test("negotiate takes the three kinds and any field lines", () => {
    expectTypeOf(negotiate("accept", undefined, ["text/html"])).toEqualTypeOf<string | null>();
    expectTypeOf(negotiate("accept-language", ["en", "fr"], ["en"])).toEqualTypeOf<string | null>();
    // @ts-expect-error -- Accept-Charset is not negotiated (browsers no longer send it)
    negotiate("accept-charset", "utf-8", ["utf-8"]);
  });
});
