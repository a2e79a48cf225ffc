#!/usr/bin/env node
// Regenerates src/cors/public-suffix-list.ts from the Public Suffix List (ICANN and private
// sections) as the `tldts` package ships it. tldts is republished whenever the list changes, so
// refreshing is: `npm install -D tldts@latest && node scripts/update-public-suffixes.mjs`, then a
// line in CHANGELOG.md with the tldts version and its publication date.
//
// tldts keeps the list as a flat trie (typed arrays and one string of labels, read by its
// suffix-trie.ts); this script walks that trie to recover the rules, checks every rule against
// tldts's own lookup, converts internationalized labels to punycode (origins are ASCII), and
// writes the rules in the compact encoding that src/cors/public-suffix.ts decodes:
//
//   trie     = [ node *( "," node ) ]
//   node     = label [ [ "=" ] "{" trie "}" ]      ; reversed labels: "uk{co,gov}" is co.uk, gov.uk
//   label    = 1*( ALPHA / DIGIT / "-" ) / "*" / "!" label
//
// A node without "{…}" is a rule; one with children is a rule only when "=" precedes them.
// "*" is a wildcard rule's label, and "!" marks an exception rule's leftmost label. Single-label
// rules are left out: every single label (every TLD) counts as public in the check anyway.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { domainToASCII } from "node:url";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const tldts = require("tldts");
const { version } = require("tldts/package.json");
// No "exports" map in tldts: the generated trie is reachable by path.
const {
  nodeFlags,
  edgeStart,
  edgeLength,
  edgeChild,
  labelText,
  rulesRoot,
  exceptionsRoot,
} = require("tldts/dist/cjs/src/data/trie.js");

/** The rules under `root` as label arrays, leftmost label first, with their section flags. */
function rulesUnder(root) {
  const edgeOffset = [];
  for (let edge = 0, offset = 0; edge < edgeLength.length; edge++) {
    edgeOffset.push(offset);
    offset += edgeLength[edge];
  }
  const rules = [];
  const walk = (node, labels) => {
    for (let edge = edgeStart[node]; edge < edgeStart[node + 1]; edge++) {
      const path = [labelText.slice(edgeOffset[edge], edgeOffset[edge] + edgeLength[edge]), ...labels];
      const child = edgeChild[edge];
      if ((nodeFlags[child] & 3) !== 0) rules.push({ labels: path, flags: nodeFlags[child] });
      walk(child, path);
    }
  };
  walk(root, []);
  return rules;
}

const rules = rulesUnder(rulesRoot);
const exceptions = rulesUnder(exceptionsRoot);
const ICANN = 1;
const PRIVATE = 2;
if (rules.length < 9000 || exceptions.length === 0)
  throw new Error(`implausible list: ${rules.length} rules, ${exceptions.length} exceptions`);
if (!rules.some((r) => r.flags & PRIVATE) || !rules.some((r) => r.flags & ICANN))
  throw new Error("one section of the list is missing");

// Every recovered rule must mean what tldts says it means.
const options = { allowPrivateDomains: true };
for (const { labels } of rules) {
  const wildcard = labels[0] === "*";
  const host = wildcard ? ["zz", ...labels.slice(1)].join(".") : labels.join(".");
  const expected = host;
  const got = tldts.getPublicSuffix(host, options);
  // A more specific exception under a wildcard (city.kawasaki.jp) may shorten the suffix.
  if (got !== expected && !exceptions.some((e) => e.labels.join(".") === host)) {
    throw new Error(`rule ${labels.join(".")}: tldts says the suffix of ${host} is ${got}`);
  }
}
for (const { labels } of exceptions) {
  const host = labels.join(".");
  if (tldts.getPublicSuffix(host, options) !== labels.slice(1).join("."))
    throw new Error(`exception !${host} not confirmed by tldts`);
}

/** A label as it appears in a serialized origin: punycode for internationalized labels. */
function asciiLabel(label) {
  if (label === "*" || /^[a-z0-9-]+$/.test(label)) return label;
  const ascii = domainToASCII(label);
  if (!/^[a-z0-9-]+$/.test(ascii)) throw new Error(`cannot convert the label ${label}`);
  return ascii;
}

// The trie of multi-label rules, by reversed labels: label -> { children, rule }.
const root = new Map();
/** Adds a rule (leftmost label first) to the trie; returns it as written in an origin. */
function insert(labels, exception) {
  const ascii = labels.map(asciiLabel);
  if (exception) ascii[0] = `!${ascii[0]}`;
  let children = root;
  let entry;
  for (const label of [...ascii].reverse()) {
    if (!children.has(label)) children.set(label, { children: new Map(), rule: false });
    entry = children.get(label);
    children = entry.children;
  }
  entry.rule = true;
  return ascii.join(".");
}
const encoded = new Set();
for (const { labels } of rules) if (labels.length >= 2) encoded.add(insert(labels, false));
for (const { labels } of exceptions) encoded.add(insert(labels, true));

function encode(children) {
  return [...children.keys()]
    .sort()
    .map((label) => {
      const { children: below, rule } = children.get(label);
      if (below.size === 0) return label;
      return `${label}${rule ? "=" : ""}{${encode(below)}}`;
    })
    .join(",");
}
const trie = encode(root);

// The encoding must give back exactly the rules put in (the same decoder as the runtime's).
function decode(text) {
  const out = new Set();
  let i = 0;
  const node = (suffix) => {
    for (;;) {
      let end = i;
      while (end < text.length && !",={}".includes(text[end])) end++;
      const label = text.slice(i, end);
      const name = suffix === "" ? label : `${label}.${suffix}`;
      i = end;
      let rule = true;
      if (text[i] === "=" || text[i] === "{") {
        rule = text[i] === "=";
        if (rule) i++;
        i++; // "{"
        node(name);
        i++; // "}"
      }
      if (rule) out.add(name);
      if (text[i] !== ",") return;
      i++;
    }
  };
  node("");
  return out;
}
const decoded = decode(trie);
if (decoded.size !== encoded.size || [...encoded].some((r) => !decoded.has(r)))
  throw new Error("the encoding does not round-trip");

const target = new URL("../src/cors/public-suffix-list.ts", import.meta.url);
const source = `// Generated by scripts/update-public-suffixes.mjs from the Public Suffix List (ICANN and private
// sections) as shipped by tldts ${version}. Do not edit: run the script (see CHANGELOG.md for the date).
// ${encoded.size} multi-label rules (${exceptions.length} exceptions) in the trie encoding described there.

/** The multi-label rules of the Public Suffix List, encoded as a trie of reversed labels. @internal */
export const PUBLIC_SUFFIX_TRIE =
  ${JSON.stringify(trie)};
`;
const previous = (() => {
  try {
    return readFileSync(target, "utf8");
  } catch {
    return "";
  }
})();
writeFileSync(target, source);
console.log(
  `${previous === source ? "unchanged" : "wrote"} src/cors/public-suffix-list.ts: tldts ${version}, ${encoded.size} rules, ` +
    `${trie.length} characters, ${gzipSync(trie, { level: 9 }).length} bytes gzipped`,
);
