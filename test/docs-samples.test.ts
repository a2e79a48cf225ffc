// Every TypeScript sample a user reads compiles under strict: the ```ts blocks of README.md and of
// docs/ (except the generated docs/api), and the ```ts blocks of the TSDoc @example sections of
// the modules the entry points export from. Each sample is compiled as its own module against
// src/ (tsconfig.json maps the package's entry points to src/entries/), with the project's
// compiler options.
//
// A sample may use, without declaring them, the names of the package's exports (imported for it
// when it has no import of its own) and the objects of the ambient prelude below — each typed
// as the real thing is (`req` is a node:http IncomingMessage, whose `method` may be undefined).
// A line that must not compile carries `// @ts-expect-error`, as in the API's own samples.
//
// No sample, and no example in examples/, reflects an arbitrary origin: a request's origin is
// only sent back in Access-Control-Allow-Origin next to an allowlist check.
//
// Run it alone with `npx vitest run test/docs-samples.test.ts`; new pages under docs/ are picked
// up without a change here.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { compileSnippets, ROOT } from "./compile-snippets.js";

/** The package's entry points, as users import them. */
const ENTRIES: Record<string, string> = {
  "typed-headers": "src/entries/index.ts",
  "typed-headers/headers": "src/entries/headers.ts",
  "typed-headers/cors": "src/entries/cors.ts",
  "typed-headers/node": "src/entries/node.ts",
};

const AMBIENT = `import type { IncomingMessage, ServerResponse } from "node:http";
import type { Express } from "express";
import type { Context, Next } from "hono";
import type { CorsExchange, CorsPolicy } from "typed-headers";
declare global {
  /** A node:http (or Express) request and response. */
  const req: IncomingMessage;
  const res: ServerResponse;
  /** An Express application. */
  const app: Express;
  /** A Fetch request, and a Fetch handler. */
  const request: Request;
  function handler(request: Request): Promise<Response>;
  /** A policy built elsewhere. */
  const policy: CorsPolicy;
  /** A captured CORS exchange (preflight and response). */
  const exchange: CorsExchange;
  /** Hono's context and next. */
  const c: Context;
  const next: Next;
  /** A logger. */
  const log: { debug(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void };
  /** Any value. */
  const x: unknown;
}
export {};
`;

interface Sample {
  /** Where it is: file and line of the opening fence. */
  readonly where: string;
  readonly code: string;
}

/** The ```ts blocks of a Markdown text (or of a comment, its ` * ` prefixes removed). */
function tsBlocks(text: string, file: string, lineOffset = 0): Sample[] {
  const samples: Sample[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    samples.push({ where: `${file}:${start + 1 + lineOffset}`, code: body.join("\n") });
  }
  return samples;
}

function markdownFiles(): string[] {
  const files = ["README.md"];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (path !== "docs/api") walk(path);
      } else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  walk("docs");
  return files;
}

/**
 * The modules of the public surface: the entry points and every module they re-export from
 * (transitively). A module not wired into an entry point yet has no public names to use.
 */
function publicModules(): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        visit(join(file, "..", statement.moduleSpecifier.text.replace(/\.js$/, ".ts")));
      }
    }
  };
  for (const file of Object.values(ENTRIES)) visit(file);
  return [...files];
}

/** The @example blocks of the TSDoc comments in `file`. */
function exampleBlocks(file: string): Sample[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const samples: Sample[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const at = comment.index ?? 0;
    const line = text.slice(0, at).split("\n").length - 1;
    const body = comment[0]
      .split("\n")
      .map((l) => l.replace(/^\s*\*( |$)/, ""))
      .join("\n");
    const example = body.indexOf("@example");
    if (example === -1) continue;
    const before = body.slice(0, example).split("\n").length - 1;
    samples.push(...tsBlocks(body.slice(example), file, line + before));
  }
  return samples;
}

/** Every public name → the entry point that exports it (syntactically, following `export *`). */
function publicNames(): Map<string, string> {
  const names = new Map<string, string>();
  const collect = (file: string, entry: string) => {
    const add = (name: string) => {
      if (!names.has(name)) names.set(name, entry);
    };
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      const exported =
        ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations)
          if (ts.isIdentifier(declaration.name)) add(declaration.name.text);
      } else if (exported && "name" in statement && statement.name !== undefined && ts.isIdentifier(statement.name as ts.Node)) {
        add((statement.name as ts.Identifier).text);
      } else if (ts.isExportDeclaration(statement)) {
        const from =
          statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) add(element.name.text);
        } else if (from !== undefined) {
          collect(join(file, "..", from.replace(/\.js$/, ".ts")), entry);
        }
      }
    }
  };
  for (const [entry, file] of Object.entries(ENTRIES)) collect(file, entry);
  return names;
}

/** The sample as a module: imports of the public names it uses when it imports nothing itself. */
function asModule(code: string, exports: Map<string, string>): string {
  if (/^\s*import\s/m.test(code)) return code;
  const byEntry = new Map<string, string[]>();
  for (const [name, entry] of exports) {
    if (!new RegExp(`\\b${name}\\b`).test(code)) continue;
    byEntry.set(entry, [...(byEntry.get(entry) ?? []), name]);
  }
  const imports = [...byEntry].map(([entry, list]) => `import { ${list.join(", ")} } from "${entry}";`).join(" ");
  // On the sample's first line, so that line numbers stay those of the sample.
  return `${imports} export {};${code}`;
}

/**
 * Lines of `sample` that set Access-Control-Allow-Origin (or a `*-origin` header through
 * `set`/`setHeader`) from a value other than a literal, without an allowlist check (`.has(`) on
 * that line or the two before it.
 */
function reflections(sample: Sample): string[] {
  const lines = sample.code.split("\n");
  return lines.flatMap((line, i) => {
    const set = /(?:set|setHeader|append)\(\s*["']access-control-allow-origin["'],\s*([^)]*)/i.exec(line);
    if (set === null || /^(["'`]|Origin\.from\(["'])/.test(set[1] ?? "")) return [];
    const context = lines.slice(Math.max(0, i - 2), i + 1).join("\n");
    return context.includes(".has(") ? [] : [`${sample.where}:${i + 1}`];
  });
}

const samples = [
  ...markdownFiles().flatMap((file) => tsBlocks(readFileSync(join(ROOT, file), "utf8"), file)),
  ...publicModules().flatMap(exampleBlocks),
];

describe("every TypeScript sample in README.md, docs/ and the TSDoc @examples compiles under strict", () => {
  let compiled: Map<string, string[]> | undefined;
  const exports = publicNames();
  const name = (index: number) => `test/.samples/sample-${index}.ts`;
  const diagnostics = (index: number): string[] => {
    if (compiled === undefined) {
      const files = new Map(samples.map((sample, i) => [name(i), asModule(sample.code, exports)]));
      files.set("test/.samples/ambient.d.ts", AMBIENT);
      compiled = compileSnippets(files, {
        // Samples show fragments: a name declared to illustrate need not be used, and imports
        // follow the package's published shape rather than this project's module settings.
        noUnusedLocals: false,
        noUnusedParameters: false,
        verbatimModuleSyntax: false,
        isolatedModules: false,
      });
    }
    return compiled.get(name(index)) ?? [];
  };

  test("there are samples to check", () => {
    expect(samples.length).toBeGreaterThan(40);
  });
  test("no sample or example reflects an arbitrary origin", () => {
    const examples = readdirSync(join(ROOT, "examples")).map((file) => ({
      where: `examples/${file}`,
      code: readFileSync(join(ROOT, "examples", file), "utf8"),
    }));
    expect([...samples, ...examples].flatMap(reflections)).toEqual([]);
  });
  test("the reflection check finds a reflected origin", () => {
    const code = 'const origin = headers.get("origin");\nif (origin.ok) out.set("access-control-allow-origin", origin.value);';
    expect(reflections({ where: "x", code })).toEqual(["x:2"]);
  });
  samples.forEach((sample, i) => {
    test(sample.where, () => {
      expect(diagnostics(i), `${relative(ROOT, join(ROOT, sample.where))}\n${sample.code}`).toEqual([]);
    });
  });
}, 180_000);
