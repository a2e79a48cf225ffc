// npm run test:package: the package as users get it. Lints it (publint, arethetypeswrong), packs
// it, installs the tarball into a fresh project, and uses it from ESM, from CommonJS and through
// `npx typed-headers`. Needs a build (npm run build) first.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const run = (command, args, options = {}) =>
  execFileSync(command, args, { encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], ...options });
let passed = 0;
let failed = 0;
function check(title, body) {
  try {
    body();
    passed++;
    console.log(`✓ ${title}`);
  } catch (error) {
    failed++;
    console.log(`✗ ${title}\n${error.stdout ?? ""}${error.stderr ?? ""}${error.message}`);
  }
}

check("publint reports no problems", () => {
  const output = run("npx", ["publint", "--strict"], { cwd: root });
  assert.match(output, /All good!/);
});
check("arethetypeswrong finds no problem for node16 and bundlers", () => {
  run("npx", ["attw", "--pack", ".", "--profile", "node16"], { cwd: root });
});

const project = mkdtempSync(join(tmpdir(), "typed-headers-packed-"));
try {
  const tarball = run("npm", ["pack", "--silent", "--pack-destination", project], { cwd: root }).trim().split("\n").pop();
  check("the tarball holds only what users need", () => {
    const files = run("tar", ["-tzf", join(project, tarball)])
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    // The documentation the README links to ships with each version (the links open this copy);
    // the generated API reference (docs/api) does not: the declarations carry the same TSDoc.
    for (const file of files) {
      assert.match(file, /^(dist\/|docs\/(?!api\/).+\.md$|examples\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/, file);
    }
    assert.ok(files.includes("dist/index.js") && files.includes("dist/index.cjs") && files.includes("dist/cli.js"));
    assert.ok(
      files.includes("docs/README.md") && files.includes("docs/cors-policy.md") && files.includes("examples/node-http.mjs"),
    );
  });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", join(project, tarball)], { cwd: project });

  writeFileSync(
    join(project, "esm.mjs"),
    `import { parseHeader, serializeHeader, checkCors, corsPolicy, HeaderMap, varyHeader } from "typed-headers";
     import { checkCors as corsOnly } from "typed-headers/cors";
     import { accessControlAllowCredentialsHeader, accessControlMaxAgeHeader, DeltaSeconds, varyHeader as varyOnly } from "typed-headers/headers";
     import { nodeCors } from "typed-headers/node";
     import { honoCors } from "typed-headers/hono";
     import { fastifyCors } from "typed-headers/fastify";
     import { koaCors } from "typed-headers/koa";
     const policy = corsPolicy({ origins: ["https://a.example"] });
     const out = {
       maxAge: parseHeader("Access-Control-Max-Age", "600"),
       methods: serializeHeader("access-control-allow-methods", ["GET", "PUT"]),
       verdict: checkCors({ origin: "https://a.example", method: "GET" }, { response: { status: 200, headers: { "access-control-allow-origin": "*" } } }).ok,
       same: corsOnly === checkCors,
       decision: corsPolicy({ origins: ["https://a.example"] }).handle({ method: "GET", headers: { origin: "https://a.example" } }).allowed,
       map: HeaderMap.from({ Vary: "Origin" }).get("vary"),
       node: typeof nodeCors,
       // The framework adapters load without their frameworks installed (types-only peers).
       adapters: [typeof honoCors(policy), typeof fastifyCors(policy), typeof koaCors(policy)],
       credentials: accessControlAllowCredentialsHeader.parse("True").error.code,
       maxAgeOnly: accessControlMaxAgeHeader.serialize(DeltaSeconds.from(600)),
       sameCodec: JSON.stringify(varyOnly.parse("Origin, *")) === JSON.stringify(varyHeader.parse("Origin, *")),
     };
     console.log(JSON.stringify(out));`,
  );
  check("works from ESM (main, /headers, /cors, /node and the framework entry points, without the frameworks)", () => {
    const out = JSON.parse(run(process.execPath, ["esm.mjs"], { cwd: project }));
    assert.deepEqual(out, {
      maxAge: { ok: true, value: 600 },
      methods: "GET, PUT",
      verdict: true,
      same: true,
      decision: true,
      map: { ok: true, value: ["origin"] },
      node: "function",
      adapters: ["function", "function", "function"],
      credentials: "not-true",
      maxAgeOnly: "600",
      sameCodec: true,
    });
  });
  writeFileSync(
    join(project, "cjs.cjs"),
    `const { parseHeader, corsPolicy } = require("typed-headers");
     const { nodeCors } = require("typed-headers/node");
     const { checkCors } = require("typed-headers/cors");
     const { accessControlMaxAgeHeader } = require("typed-headers/headers");
     const { koaCors } = require("typed-headers/koa");
     console.log(JSON.stringify({
       maxAge: accessControlMaxAgeHeader.serialize(600),
       credentials: parseHeader("access-control-allow-credentials", "True").error.code,
       node: typeof nodeCors(corsPolicy({ origins: "*" })),
       cors: typeof checkCors,
       oneRegistry: require("typed-headers").checkCors === checkCors,
       koa: typeof koaCors(corsPolicy({ origins: "*" })),
     }));`,
  );
  check("works from CommonJS, with one registry shared by the entry points", () => {
    const out = JSON.parse(run(process.execPath, ["cjs.cjs"], { cwd: project }));
    assert.deepEqual(out, {
      maxAge: "600",
      credentials: "not-true",
      node: "function",
      cors: "function",
      oneRegistry: true,
      koa: "function",
    });
  });
  check("npx typed-headers runs the command", () => {
    assert.equal(run("npx", ["--no-install", "typed-headers", "--version"], { cwd: project }).trim(), version);
    const parsed = run("npx", ["--no-install", "typed-headers", "parse"], { cwd: project, input: "Vary: Origin\n" });
    assert.match(parsed, /✓ vary: \["origin"\]/);
  });
} finally {
  rmSync(project, { recursive: true, force: true });
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
