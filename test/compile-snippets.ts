// Type-checks code snippets with the TypeScript compiler API, under the project's compiler options
// (tsconfig.json: strict, exactOptionalPropertyTypes…), against src/. Used by the tests that
// check the words of compile errors and that every documented code sample compiles.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import ts from "typescript";

/** The repository's root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Compiles `snippets` (file name relative to the root → source text) in one program, and returns
 * each snippet's diagnostics as flattened messages prefixed with their line (`3: Type …`).
 * `overrides` changes some of the project's compiler options.
 */
export function compileSnippets(
  snippets: ReadonlyMap<string, string>,
  overrides: ts.CompilerOptions = {},
): Map<string, string[]> {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, ...overrides };
  const files = new Map([...snippets].map(([name, text]) => [join(ROOT, name), text]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => files.get(path) ?? readFile(path);
  host.fileExists = (path) => files.has(path) || fileExists(path);
  host.getSourceFile = (path, language, onError) => {
    const text = files.get(path);
    return text === undefined ? getSourceFile(path, language, onError) : ts.createSourceFile(path, text, language, true);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options: { ...options, noEmit: true }, host });
  const result = new Map<string, string[]>();
  for (const [path] of files) {
    const source = program.getSourceFile(path);
    if (source === undefined) throw new Error(`not compiled: ${path}`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    result.set(
      path.slice(ROOT.length + 1),
      diagnostics.map((d) => {
        const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
        return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    );
  }
  return result;
}
