// Brands are identical through every entry point and both module formats: a program compiled
// against the BUILT declarations (dist/*.d.ts and *.d.cts, reached through the package's own
// name and its `exports`) passes values made through one entry point to the others without a
// cast. Compiled with the TypeScript compiler API under node16 (ESM and CommonJS files),
// nodenext and bundler resolution. Needs a build (npm test builds first).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = `${root}temp/brands/`;

const program = `
import { DeltaSeconds, HeaderMap, Origin, parseHeader, type HeaderCodec, type ParseResult } from "typed-headers";
import { DeltaSeconds as HeadersDeltaSeconds, Origin as HeadersOrigin, accessControlMaxAgeHeader, originHeader } from "typed-headers/headers";
import { corsPolicy, type CorsDecision, type CorsPolicy } from "typed-headers/cors";
import { nodeCors } from "typed-headers/node";

// Values made through typed-headers/headers are values of typed-headers, and the reverse.
const fromHeaders: Origin = HeadersOrigin.from("https://app.example");
const fromMain: HeadersOrigin = Origin.from("https://app.example");
const maxAge: DeltaSeconds = HeadersDeltaSeconds.from(600);
export const serialized: string = accessControlMaxAgeHeader.serialize(DeltaSeconds.from(600));
export const map: HeaderMap = new HeaderMap().set("access-control-max-age", HeadersDeltaSeconds.from(5)).set("origin", fromMain);
export const parsed: ParseResult<Origin | "null"> = originHeader.parse("https://app.example");
export const viaRegistry: ParseResult<DeltaSeconds> = parseHeader("access-control-max-age", "5");
export const codec: HeaderCodec<"origin", Origin | "null"> = originHeader;
// typed-headers/cors takes values of the other entry points; typed-headers/node takes its policy.
export const policy: CorsPolicy = corsPolicy({ origins: ["https://app.example"], maxAge });
export const decision: CorsDecision = policy.handle({ method: "GET", headers: { origin: "https://app.example" } });
export const middleware = nodeCors(policy);
// The brands still refuse what was not checked.
// @ts-expect-error a plain string is not an Origin
export const unchecked: HeadersOrigin = "https://app.example";
// @ts-expect-error a plain number is not a DeltaSeconds
export const uncheckedNumber: DeltaSeconds = 600;
`;

/** Parsed declaration files, shared by the programs below (parsing the libraries is most of the time). */
const parsed = new Map<string, ts.SourceFile | undefined>();

function diagnostics(file: string, options: ts.CompilerOptions): string[] {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (!fileName.endsWith(".d.ts") && !fileName.endsWith(".d.cts") && !fileName.endsWith(".d.mts")) {
      return getSourceFile(fileName, languageVersion, ...rest);
    }
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile(fileName, languageVersion, ...rest));
    return parsed.get(key);
  };
  const compiled = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(compiled)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

const base: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
  target: ts.ScriptTarget.ES2022,
};

describe("brands through the built entry points", () => {
  mkdirSync(dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["node16, an ES module", "esm.mts", { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }],
    ["node16, CommonJS", "cjs.cts", { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }],
    ["nodenext", "next.mts", { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
    ["bundler", "bundler.ts", { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
  ] as const)("%s", { timeout: 120_000 }, (_, name, options) => {
    const file = `${dir}${name}`;
    writeFileSync(file, program);
    expect(diagnostics(file, { ...base, ...options })).toEqual([]);
  });

  test("the check can fail: without the expect-error lines the brands refuse plain values", { timeout: 120_000 }, () => {
    const file = `${dir}refused.mts`;
    writeFileSync(file, program.replaceAll("// @ts-expect-error", "//"));
    const found = diagnostics(file, { ...base, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 });
    expect(found).toHaveLength(2);
    expect(found.join("\n")).toMatch(/not assignable to type 'Origin'/);
  });
});
