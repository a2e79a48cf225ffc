// The source layout (DESIGN §1, §9): entry points live in src/entries/ apart from the layers, and
// no two source files share a name in different folders.
import { readdirSync } from "node:fs";
import { expect, test } from "vitest";

const src = new URL("../src/", import.meta.url);
const sources = (readdirSync(src, { recursive: true }) as string[]).filter(
  (path) => path.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(path),
);

test("no two source files share a name", () => {
  const byName = new Map<string, string[]>();
  for (const path of sources) {
    const name = path.split("/").pop() as string;
    byName.set(name, [...(byName.get(name) ?? []), path]);
  }
  expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([]);
});

test("every source file is in a folder, the entry points in src/entries/", () => {
  expect(sources.filter((path) => !path.includes("/"))).toEqual(["registry.ts"]);
  expect(sources.filter((path) => path.startsWith("entries/")).sort()).toEqual([
    "entries/cli.ts",
    "entries/cors.ts",
    "entries/fastify.ts",
    "entries/headers.ts",
    "entries/hono.ts",
    "entries/index.ts",
    "entries/koa.ts",
    "entries/node.ts",
  ]);
});
