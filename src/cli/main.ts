// The typed-headers command line: `parse` prints the typed value or the error of every known
// header in a capture; `check` says what a browser does with a captured CORS exchange.
import { readFileSync } from "node:fs";
import { checkCors, type CorsRequest } from "../cors/check.js";
import { findCodec, parseHeader } from "../registry.js";
import { Origin } from "../syntax/serialized-origin.js";
import { readCapture, type HeaderBlock } from "./capture.js";
import { escapeControls, escapeControlsInJson } from "./escape.js";

const USAGE = `Usage:
  typed-headers parse [FILE] [--json]
      Reads header lines (a curl -i capture, a raw HTTP message, or "Name: value" lines) from
      FILE or standard input, and prints each known header's typed value or error.
      Exits 0 when every known header parses, 1 when one does not.

  typed-headers check --origin ORIGIN --method METHOD [--header "Name: value"]...
                      [--credentials omit|same-origin|include] [--preflight FILE]
                      [--engine fetch|chromium|firefox] [--json] FILE
      Runs checkCors on a captured response (FILE) and, if the request needs one, a captured
      preflight response (--preflight FILE). Exits 0 when the browser would allow the exchange,
      1 when it would block it.

  Exit status 2 means a usage error (bad flags, missing or unreadable files, empty captures).
  typed-headers --help | --version`;

/** Where the command reads and writes; the real process by default, buffers in tests. */
export interface Io {
  readonly stdin: () => string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly version: string;
}

class UsageError extends Error {}

/**
 * Runs the command line; returns the exit status. Never throws for user mistakes. Everything it
 * prints that comes from a capture or the arguments goes through {@link escapeControls} (or
 * {@link escapeControlsInJson} for `--json`), so a capture cannot drive the terminal.
 */
export function main(argv: readonly string[], rawIo: Io): number {
  const io: Io = { ...rawIo, out: (text) => rawIo.out(escapeControls(text)), err: (text) => rawIo.err(escapeControls(text)) };
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      rawIo.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.out(io.version);
      return 0;
    }
    if (command === "parse") return parseCommand(rest, io, rawIo);
    if (command === "check") return checkCommand(rest, io, rawIo);
    throw new UsageError(`unknown command ${JSON.stringify(command)}.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`typed-headers: ${error.message}`);
      io.err('Run "typed-headers --help" for usage.');
      return 2;
    }
    throw error;
  }
}

interface Flags {
  readonly values: Map<string, string[]>;
  readonly positional: string[];
}

function readFlags(args: readonly string[], withValue: ReadonlySet<string>, switches: ReadonlySet<string>): Flags {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (switches.has(name)) {
      values.set(name, ["true"]);
      continue;
    }
    if (!withValue.has(name)) throw new UsageError(`unknown option ${name}.`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`${name} needs a value.`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, positional };
}

function readInput(path: string | undefined, io: Io): string {
  if (path === undefined || path === "-") return io.stdin();
  try {
    return readFileSync(path, "latin1");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`cannot read ${path} (${code === "ENOENT" ? "no such file" : code}).`);
  }
}

/** The blocks of a capture; a capture without a single header line is a usage error. */
function blocksOf(text: string, what: string): { blocks: HeaderBlock[]; problems: string[] } {
  const capture = readCapture(text);
  const { blocks, problems } = capture;
  if (blocks.length === 0 || blocks.every((b) => b.headers.length === 0)) {
    throw new UsageError(`${what} holds no header lines${problems[0] === undefined ? "" : ` (${problems[0]})`}.`);
  }
  return capture;
}

/** `--json` output: JSON, with the characters a terminal would act on written as `\u` escapes. */
function printJson(value: unknown, rawIo: Io): void {
  rawIo.out(escapeControlsInJson(JSON.stringify(value, null, 2)));
}

//   parse
function parseCommand(args: readonly string[], io: Io, rawIo: Io): number {
  const flags = readFlags(args, new Set(), new Set(["--json"]));
  if (flags.positional.length > 1) throw new UsageError("parse takes at most one FILE.");
  const path = flags.positional[0];
  const { blocks, problems } = blocksOf(readInput(path, io), path ?? "standard input");
  let failed = false;
  const report = blocks.map((block) => ({
    startLine: block.startLine,
    headers: grouped(block.headers).map(({ name, lines }) => {
      const raw = lines.join(", ");
      if (findCodec(name) === undefined) return { name, raw, known: false as const };
      const result = parseHeader(name, lines);
      if (!result.ok) failed = true;
      return result.ok
        ? { name, raw, known: true as const, value: result.value }
        : { name, raw, known: true as const, error: result.error };
    }),
  }));
  if (flags.values.has("--json")) {
    printJson({ blocks: report, problems }, rawIo);
    return failed ? 1 : 0;
  }
  for (const block of report) {
    if (block.startLine !== "") io.out(block.startLine);
    for (const header of block.headers) {
      if (!header.known) io.out(`  · ${header.name}: ${clip(header.raw)}`);
      else if ("value" in header) io.out(`  ✓ ${header.name}: ${JSON.stringify(header.value)}`);
      else
        io.out(
          `  ✗ ${header.name}: ${header.error.code}${header.error.offset === undefined ? "" : ` at ${header.error.offset}`} — ${header.error.message}`,
        );
    }
  }
  for (const problem of problems) io.err(`typed-headers: ${problem}`);
  return failed ? 1 : 0;
}

/** Field lines grouped by lowercase name, in first-seen order. */
function grouped(headers: readonly [string, string][]): { name: string; lines: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = name.trim().toLowerCase();
    const lines = groups.get(key);
    if (lines === undefined) groups.set(key, [value]);
    else lines.push(value);
  }
  return [...groups].map(([name, lines]) => ({ name, lines }));
}

function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

//   check
function checkCommand(args: readonly string[], io: Io, rawIo: Io): number {
  const flags = readFlags(
    args,
    new Set(["--origin", "--method", "--header", "--credentials", "--preflight", "--engine"]),
    new Set(["--json"]),
  );
  const one = (name: string): string | undefined => {
    const values = flags.values.get(name);
    if (values !== undefined && values.length > 1) throw new UsageError(`${name} is given more than once.`);
    return values?.[0];
  };
  const origin = one("--origin");
  const method = one("--method");
  if (origin === undefined || method === undefined) throw new UsageError("check needs --origin and --method.");
  if (origin !== "null") {
    const parsed = Origin.parse(origin);
    if (!parsed.ok) {
      throw new UsageError(
        `--origin ${JSON.stringify(origin)} is not an origin as a browser sends it: ${parsed.error.message} Give the page's origin: scheme://host[:port], lowercase, no path or trailing slash (e.g. --origin https://app.example), or "null".`,
      );
    }
  }
  if (flags.positional.length !== 1) throw new UsageError("check needs exactly one FILE: the captured response.");
  const credentials = one("--credentials") ?? "same-origin";
  if (credentials !== "omit" && credentials !== "same-origin" && credentials !== "include") {
    throw new UsageError(`--credentials must be omit, same-origin or include, not ${JSON.stringify(credentials)}.`);
  }
  const engine = one("--engine") ?? "fetch";
  if (engine !== "fetch" && engine !== "chromium" && engine !== "firefox") {
    throw new UsageError(`--engine must be fetch, chromium or firefox, not ${JSON.stringify(engine)}.`);
  }
  const headers: [string, string][] = (flags.values.get("--header") ?? []).map((header) => {
    const colon = header.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header expects "Name: value", got ${JSON.stringify(header)}.`);
    return [header.slice(0, colon).trim(), header.slice(colon + 1).trim()];
  });
  const response = lastResponse(blocksOf(readInput(flags.positional[0], io), flags.positional[0] ?? "the response").blocks);
  const preflightPath = one("--preflight");
  const preflight =
    preflightPath === undefined ? undefined : lastResponse(blocksOf(readInput(preflightPath, io), preflightPath).blocks);
  const request: CorsRequest = { origin, method, headers, credentials };
  const verdict = checkCors(
    request,
    {
      ...(preflight && { preflight: { status: preflight.status ?? 200, headers: preflight.headers } }),
      response: { status: response.status ?? 200, headers: response.headers },
    },
    { engine },
  );
  if (flags.values.has("--json")) {
    printJson(verdict, rawIo);
    return verdict.ok ? 0 : 1;
  }
  if (verdict.preflight !== null) {
    io.out(`Preflight: ${verdict.preflight.headers.map(([n, v]) => `${n}: ${v}`).join(" | ")}`);
    if (preflight !== undefined) io.out(`  answered with ${statusOf(preflight)}`);
    if (verdict.ok) io.out(`  cached for ${verdict.preflight.maxAge} s`);
  } else {
    io.out("Preflight: none needed");
  }
  io.out(`Response: ${statusOf(response)}`);
  if (verdict.ok) {
    io.out(`Allowed. The page can read: ${verdict.exposedHeaders.join(", ") || "(no headers)"}`);
    return 0;
  }
  io.out(`Blocked at the ${verdict.stage} (${verdict.reason}).`);
  io.out(`  ${verdict.message}`);
  if (verdict.reason === "missing-preflight") io.out("  Capture the OPTIONS response too and pass it with --preflight FILE.");
  return 1;
}

/** How a captured response's status reads in the report: "status 204 (HTTP/1.1 204 No Content)". */
function statusOf(block: HeaderBlock): string {
  return block.status === undefined
    ? "no status line in the capture (200 assumed)"
    : `status ${block.status} (${block.startLine})`;
}

/** The last block with a status line (the final response after 1xx or redirects), or the only block. */
function lastResponse(blocks: readonly HeaderBlock[]): HeaderBlock {
  const responses = blocks.filter((b) => b.status !== undefined);
  return (responses.length > 0 ? responses[responses.length - 1] : blocks[blocks.length - 1]) as HeaderBlock;
}
