// The README is read on npmjs.com, where a relative link resolves against a `repository` the
// package does not have: every link must be absolute. Links into the package's own files go to this
// version's copy on jsDelivr (which serves every published npm package), so they must name the
// version in package.json and a file that `files` ships.
import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";

const root = new URL("../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string; files: string[] };
const readme = readFileSync(new URL("README.md", root), "utf8");
const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
const packageFile = /^https:\/\/cdn\.jsdelivr\.net\/npm\/typed-headers@([^/]+)\/(.*)$/;

/** Whether `path` (a file or a folder ending in "/") is in the tarball by the rules of `files`. */
function shipped(path: string): boolean {
  const under = (entry: string) => path === entry || path.startsWith(`${entry}/`);
  const included = manifest.files.filter((entry) => !entry.startsWith("!")).some(under);
  const excluded = manifest.files.filter((entry) => entry.startsWith("!")).some((entry) => under(entry.slice(1)));
  return included && !excluded;
}

test("the README has links to check", () => {
  expect(links.filter((link) => packageFile.test(link)).length).toBeGreaterThan(10);
});

test("every README link is absolute (https) or an anchor of the page", () => {
  expect(links.filter((link) => !link.startsWith("https://") && !link.startsWith("#"))).toEqual([]);
});

test("links into the package name this version and a file it ships", () => {
  const wrong = links.flatMap((link) => {
    const match = packageFile.exec(link);
    if (match === null) return [];
    const [, version, path = ""] = match;
    const file = path.replace(/\/$/, "");
    if (version !== manifest.version) return [`${link}: version ${version}, package.json has ${manifest.version}`];
    if (!existsSync(new URL(path, root))) return [`${link}: no such file`];
    return shipped(file) ? [] : [`${link}: not in package.json "files"`];
  });
  expect(wrong).toEqual([]);
});

test("the shipping rule sees exclusions", () => {
  expect(shipped("docs/cookies.md")).toBe(true);
  expect(shipped("docs/api/index.md")).toBe(false);
  expect(shipped("bench/RESULTS.md")).toBe(false);
});
