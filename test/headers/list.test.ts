// The header list (src/headers/all.ts) is the one place a header is added: this checks what is
// derived from it or must agree with it, so that a header cannot be half-added.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as headersEntry from "typed-headers/headers";
import * as mainEntry from "typed-headers";
import { parseHeader, serializeHeader, type HeaderCodec } from "typed-headers";
import * as list from "../../src/headers/all.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const codecs = Object.entries(list) as [string, HeaderCodec<string, unknown>][];

/** The text of every test file under src/ that runs headerLaws. */
const lawFiles = (readdirSync(new URL("src/", root), { recursive: true }) as string[])
  .filter((path) => path.endsWith(".test.ts"))
  .map((path) => read(`src/${path}`))
  .filter((text) => text.includes("headerLaws("));

/** `access-control-max-age` → `accessControlMaxAgeHeader`. */
const exportNameOf = (name: string) => `${name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Header`;

/** The module each export of the list comes from: `originHeader` → `origin`. */
const moduleOf = new Map(
  [...read("src/headers/all.ts").matchAll(/^export \{ (\w+) \} from "\.\/(.+)\.js";$/gm)].map((m) => [m[1], m[2]]),
);

describe("the header list", () => {
  test("holds codecs with distinct lowercase names, exported as <camelCaseName>Header", () => {
    expect(codecs.length).toBeGreaterThan(0);
    for (const [exportName, codec] of codecs) {
      expect(codec.name).toMatch(/^[a-z0-9-]+$/);
      expect(exportName).toBe(exportNameOf(codec.name));
      expect(typeof codec.parse).toBe("function");
      expect(typeof codec.serialize).toBe("function");
    }
    expect(new Set(codecs.map(([, codec]) => codec.name)).size).toBe(codecs.length);
  });

  test("is one export line per header", () => {
    expect([...moduleOf.keys()].sort()).toEqual(codecs.map(([exportName]) => exportName).sort());
  });

  test.each(codecs)("%s: a test under src/ runs the laws of every header on it", (exportName) => {
    // Beside its module (headerLaws(codec, values)), or in its family's table of [codec, values]
    // cases handed to headerLaws.
    const direct = new RegExp(`headerLaws\\(\\s*${exportName},`);
    const running = lawFiles.filter(
      (text) => direct.test(text) || (text.includes(`[${exportName},`) && text.includes("headerLaws(codec")),
    );
    expect(running, `no test runs headerLaws on ${exportName}`).not.toEqual([]);
  });

  test.each(codecs)("%s: registered with parseHeader and serializeHeader in any casing", (_, codec) => {
    const shouting = codec.name.toUpperCase();
    expect(parseHeader(shouting as never, undefined)).toMatchObject({
      ok: false,
      error: { code: "missing", header: codec.name },
    });
    expect(() => serializeHeader(shouting as never, Symbol() as never)).toThrow(/^typed-headers: cannot serialize /);
  });

  test("typed-headers/headers and typed-headers export exactly these codecs", () => {
    const codecExports = (entry: object) =>
      Object.entries(entry)
        .filter(([, value]) => typeof (value as Partial<HeaderCodec<string, unknown>>)?.serialize === "function")
        .map(([exportName, value]) => [exportName, (value as HeaderCodec<string, unknown>).name])
        .sort();
    const expected = codecs.map(([exportName, codec]) => [exportName, codec.name]).sort();
    expect(codecExports(headersEntry)).toEqual(expected);
    expect(codecExports(mainEntry)).toEqual(expected);
  });

  test("the README's table of headers has one row per header", () => {
    const readme = read("README.md");
    const section = readme.slice(
      readme.indexOf("\n## The headers"),
      readme.indexOf("\n## ", readme.indexOf("\n## The headers") + 1),
    );
    const rows = [...section.matchAll(/^\| `([A-Za-z-]+)` \|/gm)].map((m) => (m[1] as string).toLowerCase());
    expect(rows.sort()).toEqual(codecs.map(([, codec]) => codec.name).sort());
  });
});

describe("the README's examples print what the code prints", () => {
  const readme = read("README.md");
  const examples = [...readme.matchAll(/`((?:parse|serialize)Header\((?:[^`]*)\))` → `([^`]+)`/g)].map(
    (m) => [m[1] as string, m[2] as string] as const,
  );

  test("there are examples to check", () => expect(examples.length).toBeGreaterThan(10));

  test.each(examples)("%s → %s", (call, expected) => {
    const run = new Function(
      "lib",
      `const { parseHeader, serializeHeader, Origin, Method, FieldName, DeltaSeconds } = lib; return ${call};`,
    );
    const result = run(mainEntry) as unknown;
    const value = call.startsWith("parseHeader") ? (result as { ok: boolean; value?: unknown }) : { ok: true, value: result };
    expect(value).toEqual({ ok: true, value: JSON.parse(expected) });
  });
});
