// Every TypeScript block of the framework pages (docs/frameworks/*.md) compiles under the
// project's strict settings, each block as a module of its own, with "typed-headers" and its
// entry points resolved to src/. A block marked ```ts nocheck is skipped (none is today).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const pages = join(root, "docs/frameworks");

/** The ```ts blocks of one page, with the line each starts on. */
function blocks(file: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== "```ts") continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== "```") end++;
    found.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return found;
}

test("the framework pages' TypeScript examples compile under strict", { timeout: 120_000 }, () => {
  const files = new Map<string, string>();
  for (const name of readdirSync(pages).filter((n) => n.endsWith(".md"))) {
    for (const { line, code } of blocks(join(pages, name)))
      files.set(join(root, `docs/frameworks/__${name}_${line}.ts`), `${code}\nexport {};\n`);
  }
  expect(files.size).toBeGreaterThanOrEqual(6);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const options: ts.CompilerOptions = {
    ...config?.options,
    noUnusedLocals: false,
    baseUrl: root,
    paths: { "typed-headers": ["src/index.ts"], "typed-headers/*": ["src/*.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (file) => files.get(file) ?? read(file);
  host.fileExists = (file) => files.has(file) || exists(file);
  const program = ts.createProgram([...files.keys()], options, host);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && files.has(d.file.fileName))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const [, page, first] = /__(.+)_(\d+)\.ts$/.exec(d.file!.fileName) ?? [];
      return `${page}:${Number(first) + line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
  expect(problems).toEqual([]);
});
