// The public-suffix guard (issue 13, defect 2): the Public Suffix List's ICANN and private rules,
// checked against tldts (the package the list is taken from) as a reference implementation.
import fc from "fast-check";
import { getPublicSuffix } from "tldts";
import { describe, expect, test } from "vitest";
import { corsPolicy } from "typed-headers";
import { PUBLIC_SUFFIX_TRIE } from "../../src/cors/public-suffix-list.js";
import { publicSuffixCoveredBy } from "../../src/cors/public-suffix.js";

const refused = (origin: string) => {
  try {
    corsPolicy({ origins: [origin], credentials: true, allowInsecureOrigins: true } as never);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("credentialed wildcard patterns over a public suffix are refused", () => {
  test.each([
    // The examples: trailing dots, then suffixes the old built-in list missed.
    ["https://*.com.", "com"],
    ["https://*.co.uk.", "co.uk"],
    ["https://*.github.io.", "github.io"],
    ["https://*.s3.amazonaws.com", "s3.amazonaws.com"],
    ["https://*.r2.dev", "r2.dev"],
    ["https://*.gov.au", "gov.au"],
    ["https://*.co.il", "co.il"],
    ["https://*.com.pl", "com.pl"],
    // A wildcard rule (*.ck) and a name with public suffixes under it.
    ["https://*.foo.ck", "foo.ck"],
    ["https://*.amazonaws.com", "s3.amazonaws.com"],
    ["https://*.xn--p1ai", "xn--p1ai"],
  ])("%s", (origin, suffix) => {
    expect(refused(origin)).toContain(`public suffix "${suffix}"`);
  });

  test.each([
    "http://*.localhost",
    "https://*.localhost",
    "https://*.app.github.io",
    "https://*.example.com",
    "https://*.example.co.uk",
    "https://*.www.ck",
    "https://*.city.kawasaki.jp",
    "https://*.example.com.",
  ])("%s is accepted", (origin) => {
    expect(refused(origin)).toBeUndefined();
  });

  test("without credentials a wildcard over a public suffix is the caller's choice", () => {
    expect(() => corsPolicy({ origins: ["https://*.github.io"] })).not.toThrow();
  });
});

describe("publicSuffixCoveredBy agrees with tldts", () => {
  // Hosts built from the list's own rules, with labels added or removed, plus random ones.
  const rules = [...PUBLIC_SUFFIX_TRIE.matchAll(/[a-z0-9-]+/g)].map((m) => m[0]);
  const label = fc.oneof(
    fc.constantFrom(...rules.slice(0, 2000), "www", "city", "s3", "com", "co"),
    fc.stringMatching(/^[a-z0-9]{1,6}$/),
  );
  const host = fc.array(label, { minLength: 2, maxLength: 5 }).map((labels) => labels.join("."));

  test("a multi-label host is itself a public suffix exactly when tldts says its suffix is itself", () => {
    fc.assert(
      fc.property(host, (h) => {
        const ours = publicSuffixCoveredBy(h) === h;
        const theirs = getPublicSuffix(h, { allowPrivateDomains: true }) === h;
        expect(ours).toBe(theirs);
      }),
      { numRuns: 3000 },
    );
  });

  test("the rules of the list, as tldts reads them, are public suffixes here", () => {
    for (const h of [
      "co.uk",
      "s3.amazonaws.com",
      "github.io",
      "blogspot.com",
      "zz.kawasaki.jp",
      "foo.ck",
      "r2.dev",
      "pages.dev",
    ]) {
      expect(getPublicSuffix(h, { allowPrivateDomains: true })).toBe(h);
      expect(publicSuffixCoveredBy(h)).toBe(h);
    }
    expect(publicSuffixCoveredBy("www.ck")).toBeUndefined();
    expect(publicSuffixCoveredBy("city.kawasaki.jp")).toBeUndefined();
  });

  test("a name with a public suffix under it names one; a registrable name has none", () => {
    expect(publicSuffixCoveredBy("amazonaws.com")).toBe("s3.amazonaws.com");
    expect(publicSuffixCoveredBy("ck")).toBe("ck");
    expect(publicSuffixCoveredBy("example.com")).toBeUndefined();
    // One trailing dot is the DNS root: the same name.
    expect(publicSuffixCoveredBy("co.uk.")).toBe("co.uk");
    expect(publicSuffixCoveredBy("com.")).toBe("com");
  });
});
