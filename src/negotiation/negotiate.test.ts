import Negotiator from "negotiator";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anyFieldLines } from "../../test/arbitraries.js";
import { negotiate, type NegotiationKind } from "./negotiate.js";

/** Expects that, for every pair of offers with different weights, negotiate prefers the heavier. */
function expectWeights(kind: NegotiationKind, header: string, weights: readonly (readonly [string, number])[]) {
  for (const [a, wa] of weights) {
    for (const [b, wb] of weights) {
      if (wa > wb) {
        expect(negotiate(kind, header, [b, a]), `${a} (${wa}) over ${b} (${wb})`).toBe(a);
        expect(negotiate(kind, header, [a, b])).toBe(a);
      }
    }
    expect(negotiate(kind, header, [a])).toBe(wa > 0 ? a : null);
  }
}

describe("RFC 9110 §12.5 examples", () => {
  test("§12.5.1 Table 5 (with verified erratum 7138: text/html;level=3 is 0.3)", () => {
    expectWeights(
      "accept",
      "text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, text/plain;format=fixed;q=0.4, */*;q=0.5",
      [
        ["text/plain;format=flowed", 1],
        ["text/plain", 0.7],
        ["text/html", 0.3],
        ["image/jpeg", 0.5],
        ["text/plain;format=fixed", 0.4],
        ["text/html;level=3", 0.3],
      ],
    );
  });

  test("§12.5.1: audio/basic over the 80% mark-down of other audio", () => {
    expectWeights("accept", "audio/*; q=0.2, audio/basic", [
      ["audio/basic", 1],
      ["audio/mpeg", 0.2],
      ["video/mp4", 0],
    ]);
  });

  test("§12.5.1: text/html and text/x-c are equally preferred; the client's order then decides", () => {
    const header = "text/plain; q=0.5, text/html, text/x-dvi; q=0.8, text/x-c";
    expectWeights("accept", header, [
      ["text/html", 1],
      ["text/x-dvi", 0.8],
      ["text/plain", 0.5],
    ]);
    expect(negotiate("accept", header, ["text/x-c", "text/html"])).toBe("text/html");
  });

  test("§12.5.3 Accept-Encoding examples", () => {
    expectWeights("accept-encoding", "compress, gzip", [
      ["compress", 1],
      ["gzip", 1],
      ["br", 0],
    ]);
    expect(negotiate("accept-encoding", "compress, gzip", ["identity"])).toBe("identity");
    // An empty value: no coding is wanted, identity still is.
    expectWeights("accept-encoding", "", [
      ["identity", 1],
      ["gzip", 0],
    ]);
    expectWeights("accept-encoding", "*", [
      ["gzip", 1],
      ["identity", 1],
    ]);
    expectWeights("accept-encoding", "compress;q=0.5, gzip;q=1.0", [
      ["gzip", 1],
      ["compress", 0.5],
      ["identity", 0.5],
      ["br", 0],
    ]);
    expectWeights("accept-encoding", "gzip;q=1.0, identity; q=0.5, *;q=0", [
      ["gzip", 1],
      ["identity", 0.5],
      ["br", 0],
    ]);
    // identity is excluded only explicitly, or by "*;q=0" without an identity entry.
    expect(negotiate("accept-encoding", "gzip, *;q=0", ["identity"])).toBeNull();
    expect(negotiate("accept-encoding", "gzip, identity;q=0", ["identity"])).toBeNull();
    expect(negotiate("accept-encoding", "gzip, *;q=0, identity", ["identity"])).toBe("identity");
  });

  test("§12.5.4 Accept-Language example, with RFC 4647 basic filtering", () => {
    expectWeights("accept-language", "da, en-gb;q=0.8, en;q=0.7", [
      ["da", 1],
      ["en-GB", 0.8],
      ["en-gb-oxendict", 0.8],
      ["en-US", 0.7],
      ["en", 0.7],
      ["fr", 0],
    ]);
    expect(negotiate("accept-language", "*;q=0.1, fr", ["de", "fr-CA"])).toBe("fr-CA");
    expect(negotiate("accept-language", "fr, *;q=0", ["de"])).toBeNull();
  });

  test("offers come back exactly as given", () => {
    expect(negotiate("accept", "application/json", ["Application/JSON; Charset=UTF-8"])).toBe("Application/JSON; Charset=UTF-8");
    expect(negotiate("accept-encoding", "gzip", ["GZip"])).toBe("GZip");
    expect(negotiate("accept-language", "en-us", ["en-US"])).toBe("en-US");
  });

  test("a range with parameters matches only offers that have them (charset case-insensitively)", () => {
    expect(negotiate("accept", "text/html;charset=UTF-8", ["text/html", "text/html;charset=utf-8"])).toBe(
      "text/html;charset=utf-8",
    );
    expect(negotiate("accept", "text/html;level=1", ["text/html;level=2"])).toBeNull();
  });

  test("absent or unparsable header: the first offer; no offers: null", () => {
    for (const kind of ["accept", "accept-encoding", "accept-language"] as const) {
      const offer = kind === "accept" ? "text/html" : kind === "accept-encoding" ? "gzip" : "en";
      expect(negotiate(kind, undefined, [offer])).toBe(offer);
      expect(negotiate(kind, null, [offer])).toBe(offer);
      expect(negotiate(kind, [], [offer])).toBe(offer);
      expect(negotiate(kind, "\u0000;;=", [offer])).toBe(offer);
      expect(negotiate(kind, undefined, [])).toBeNull();
    }
    expect(negotiate("accept", ["text/plain;q=0", "text/html"], ["text/plain", "text/html"])).toBe("text/html");
  });

  test("mistakes in the code are TypeErrors: unknown kind, offers that are not offers", () => {
    expect(() => negotiate("accept-charset" as NegotiationKind, "utf-8", ["utf-8"])).toThrow(
      /^typed-headers: negotiate: unknown kind/,
    );
    expect(() => negotiate("accept", "*/*", ["json"])).toThrow(/^typed-headers: negotiate: offer "json" is not a media type/);
    expect(() => negotiate("accept-encoding", "*", ["g zip"])).toThrow(TypeError);
    expect(() => negotiate("accept-language", "*", ["*"])).toThrow(TypeError);
    expect(() => negotiate("accept", "*/*", "text/html" as never)).toThrow(/offers must be an array of strings/);
    expect(() => negotiate("accept", "*/*", [1] as never)).toThrow(TypeError);
  });
});

describe("laws", () => {
  const kinds = fc.constantFrom<NegotiationKind>("accept", "accept-encoding", "accept-language");
  const offersFor: Record<NegotiationKind, string[]> = {
    accept: ["text/html", "application/json", "text/plain;charset=utf-8"],
    "accept-encoding": ["br", "gzip", "identity"],
    "accept-language": ["en-US", "fr", "de-CH"],
  };

  test("never throws for any header; the answer is null or one of the offers", () => {
    fc.assert(
      fc.property(kinds, anyFieldLines, (kind, header) => {
        const offers = offersFor[kind];
        const chosen = negotiate(kind, header as string, offers);
        expect(chosen === null || offers.includes(chosen)).toBe(true);
      }),
    );
  });

  test("the remembered last header never leaks into the next answer", () => {
    for (let round = 0; round < 2; round++) {
      expect(negotiate("accept-encoding", "gzip", ["br", "gzip"])).toBe("gzip");
      expect(negotiate("accept-encoding", "br", ["br", "gzip"])).toBe("br");
      expect(negotiate("accept-encoding", "gzip;q=2", ["br", "gzip"])).toBe("br");
      expect(negotiate("accept-encoding", ["gzip;q=0", "br"], ["gzip", "br"])).toBe("br");
    }
  });

  test("hostile header arrays are treated as absent", () => {
    const hostile = new Proxy(["gzip"], {
      get: () => {
        throw new Error("boom");
      },
    });
    expect(negotiate("accept-encoding", hostile, ["br"])).toBe("br");
  });
});

describe("differential: negotiator (what Express and Koa use)", () => {
  const weights = ["", ";q=0", ";q=0.001", ";q=0.3", ";q=0.5", ";q=0.8", ";q=0.9"];
  /** A header of distinct ranges with distinct weights (see the explained deviations below for the rest). */
  function header(ranges: readonly string[]) {
    return fc
      .tuple(
        fc.uniqueArray(fc.constantFrom(...ranges), { maxLength: 5, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
        fc.shuffledSubarray(weights),
      )
      .map(([chosen, qs]) =>
        chosen
          .slice(0, qs.length)
          .map((range, k) => range + (qs[k] as string))
          .join(", "),
      );
  }
  const offers = (pool: readonly string[]) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 });

  function agree(
    kind: NegotiationKind,
    headers: fc.Arbitrary<string>,
    pool: readonly string[],
    skip = (_h: string, _o: string[]) => false,
  ) {
    fc.assert(
      fc.property(headers, offers(pool), (value, given) => {
        if (skip(value, given)) return;
        const name = kind;
        const negotiator = new Negotiator({ headers: { [name]: value } });
        const theirs =
          kind === "accept"
            ? negotiator.mediaType(given)
            : kind === "accept-encoding"
              ? negotiator.encoding(given)
              : negotiator.language(given);
        expect(negotiate(kind, value, given)).toBe(theirs ?? null);
      }),
      { numRuns: 2000 },
    );
  }

  test("accept", () => {
    agree(
      "accept",
      header([
        "text/html",
        "text/*",
        "*/*",
        "application/json",
        "application/*",
        "text/plain;format=flowed",
        "TEXT/PLAIN",
        "image/webp",
      ]),
      ["text/html", "application/json", "text/plain", "image/webp", "text/plain;format=flowed"],
    );
  });

  test("accept-encoding", () => {
    agree("accept-encoding", header(["gzip", "br", "identity", "*", "deflate", "ZSTD"]), [
      "gzip",
      "br",
      "identity",
      "deflate",
      "zstd",
    ]);
  });

  test("accept-language (without offers that are a prefix of a range or of another offer: see below)", () => {
    const prefixOf = (offer: string, text: string) => text.toLowerCase().includes(`${offer.toLowerCase()}-`);
    agree(
      "accept-language",
      header(["en", "en-US", "fr", "fr-CH", "*", "de"]),
      ["en", "en-US", "en-GB", "fr", "fr-CH", "de"],
      (value, given) => given.some((offer) => prefixOf(offer, value) || given.some((other) => prefixOf(offer, other))),
    );
  });

  // Where negotiator answers differently, and why ours is the one to keep.
  const theirs = (name: string, value: string | undefined) =>
    new Negotiator({ headers: value === undefined ? {} : { [name]: value } });

  test("ties go to the client's order (DESIGN §10), not to the more specific range", () => {
    // Both offers weigh 1; the client listed application/* first.
    const value = "application/*, text/html";
    expect(negotiate("accept", value, ["text/html", "application/json"])).toBe("application/json");
    expect(theirs("accept", value).mediaType(["text/html", "application/json"])).toBe("text/html");
    // Same for languages: the client put "en" before "en-us", so en-GB (via "en") wins the tie.
    expect(negotiate("accept-language", "en, en-US", ["en-GB", "en-US"])).toBe("en-GB");
    expect(theirs("accept-language", "en, en-US").language(["en-GB", "en-US"])).toBe("en-US");
    // One range, two offers in it: equal weight, same place in the client's order, so the
    // server's order decides; negotiator prefers the offer equal to the range.
    expect(negotiate("accept-language", "en;q=0.9", ["en-GB", "en"])).toBe("en-GB");
    expect(theirs("accept-language", "en;q=0.9").language(["en-GB", "en"])).toBe("en");
  });

  test("a range listed twice: the first occurrence counts, as the client's order decides everywhere", () => {
    // negotiator takes the highest weight among equally specific ranges (and, for encodings, the later one).
    expect(negotiate("accept", "text/html;q=0, text/html;q=0.5", ["text/html"])).toBeNull();
    expect(theirs("accept", "text/html;q=0, text/html;q=0.5").mediaType(["text/html"])).toBe("text/html");
    expect(negotiate("accept-encoding", "GZIP;q=0, gzip;q=0.8", ["gzip"])).toBeNull();
    expect(theirs("accept-encoding", "GZIP;q=0, gzip;q=0.8").encoding(["gzip"])).toBe("gzip");
  });

  test("languages use RFC 4647 basic filtering: a range never matches a shorter tag", () => {
    // "fr-ch" asks for Swiss French; plain "fr" content is not in that range (RFC 4647 §3.3.1).
    expect(negotiate("accept-language", "fr-CH, de;q=0", ["fr", "en"])).toBeNull();
    expect(theirs("accept-language", "fr-CH, de;q=0").language(["fr", "en"])).toBe("fr");
    // "en-us;q=0" does not exclude plain "en"; "*" still covers it.
    expect(negotiate("accept-language", "en-US;q=0, *;q=0.8", ["en"])).toBe("en");
    expect(theirs("accept-language", "en-US;q=0, *;q=0.8").language(["en"])).toBeUndefined();
  });

  test("an absent Accept-Encoding accepts any coding (RFC 9110 §12.5.3: no preference), so the first offer", () => {
    expect(negotiate("accept-encoding", undefined, ["gzip", "identity"])).toBe("gzip");
    expect(theirs("accept-encoding", undefined).encoding(["gzip", "identity"])).toBe("identity");
  });

  test("a header that breaks the grammar is ignored as a whole (DESIGN §10), not read in pieces", () => {
    // q=2 is not a qvalue: the header is invalid, so the first offer; negotiator takes q as 2.
    expect(negotiate("accept", "text/html;q=2, text/plain;q=0.5", ["text/plain", "text/html"])).toBe("text/plain");
    expect(theirs("accept", "text/html;q=2, text/plain;q=0.5").mediaType(["text/plain", "text/html"])).toBe("text/html");
  });
});
