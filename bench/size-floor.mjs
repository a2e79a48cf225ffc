// How much of a bundle is message text. Bundles an import from dist/ the way size-limit does
// (esbuild, minified, gzip level 9), then empties every string and template literal longer than
// N characters (the error messages) and bundles the result again.
// Usage: npm run build && node bench/size-floor.mjs [N=24]. Results: bench/RESULTS.md.
import { parse } from "acorn";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const longest = Number(process.argv[2] ?? 24);
const root = new URL("..", import.meta.url).pathname;
const checks = JSON.parse(readFileSync(`${root}.size-limit.json`, "utf8"));

/** The minified bundle of `check` (an entry of .size-limit.json), built as size-limit builds it. */
async function bundle(check) {
  const names = check.import === "*" ? ["all"] : check.import.replace(/[{}\s]/g, "").split(",");
  const imported = check.import === "*" ? "* as all" : check.import;
  const result = await build({
    stdin: { contents: `import ${imported} from "./${check.path}";\nconsole.log(${names.join(", ")});`, resolveDir: root },
    bundle: true,
    minify: true,
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].text;
}

/** `code` with every string or template literal longer than `longest` characters emptied. */
function withoutLongStrings(code) {
  const cuts = [];
  const visit = (node) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const isString = node.type === "Literal" && typeof node.value === "string";
    if ((isString || node.type === "TemplateLiteral") && node.end - node.start > longest + 2) cuts.push(node);
    else for (const key of Object.keys(node)) if (key !== "type") visit(node[key]);
  };
  visit(parse(code, { ecmaVersion: "latest", sourceType: "module" }));
  let out = code;
  for (const { start, end } of cuts.sort((a, b) => b.start - a.start)) out = `${out.slice(0, start)}""${out.slice(end)}`;
  return out;
}

// size-limit reports the size above that of an empty bundle (46 bytes gzipped).
const kB = (text) => `${((gzipSync(text, { level: 9 }).length - 46) / 1000).toFixed(2)} kB`;
console.log(`| import | min+gzip | without strings over ${longest} characters |\n|---|---:|---:|`);
for (const check of checks) {
  const code = await bundle(check);
  console.log(`| ${check.name} | ${kB(code)} | ${kB(withoutLongStrings(code))} |`);
}
