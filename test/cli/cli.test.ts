import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";

const fixture = (name: string) => new URL(`../fixtures/captures/${name}`, import.meta.url).pathname;

function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, { stdin: () => stdin, out: (t) => out.push(t), err: (t) => err.push(t), version: "0.1.0" });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

describe("typed-headers parse", () => {
  test("prints typed values, errors and unknown headers of a curl -i capture", () => {
    const { status, out } = run(["parse", fixture("preflight-ok.http")]);
    expect(status).toBe(0);
    expect(out).toContain("HTTP/1.1 204 No Content");
    expect(out).toContain('✓ access-control-allow-methods: ["GET","PUT"]');
    expect(out).toContain("✓ access-control-max-age: 600");
    expect(out).toContain("· date: Fri, 27 Nov 2026");
  });

  test("reads curl -v output and exits 1 when a known header does not parse", () => {
    const { status, out } = run(["parse", fixture("curl-verbose.txt")]);
    expect(status).toBe(1);
    expect(out).toContain("OPTIONS /items HTTP/1.1");
    expect(out).toContain("✗ access-control-allow-origin: invalid-origin at 20");
    expect(out).toContain("✗ access-control-max-age: invalid-delta-seconds");
  });

  test("reads plain Name: value lines from standard input, with --json", () => {
    const { status, out } = run(["parse", "--json"], "Vary: Origin, Accept\nAccess-Control-Allow-Credentials: true\n");
    expect(status).toBe(0);
    const report = JSON.parse(out);
    expect(report.blocks[0].headers).toEqual([
      { name: "vary", raw: "Origin, Accept", known: true, value: ["origin", "accept"] },
      { name: "access-control-allow-credentials", raw: "true", known: true, value: true },
    ]);
  });
});

describe("typed-headers check", () => {
  const base = ["check", "--origin", "https://app.example", "--credentials", "include"];

  test("exits 0 when the browser would allow the exchange", () => {
    const { status, out } = run([...base, "--method", "PUT", "--header", "Content-Type: application/json", "--preflight", fixture("preflight-ok.http"), fixture("response-ok.http")]);
    expect(status).toBe(0);
    expect(out).toContain("access-control-request-headers: content-type");
    expect(out).toContain("cached for 600 s");
    expect(out).toContain("Allowed. The page can read: content-type, access-control-allow-origin".split(",")[0]);
    expect(out).toContain("etag");
    expect(out).not.toContain("set-cookie");
  });

  test("exits 1 with the reason when it would block", () => {
    const { status, out } = run([...base, "--method", "DELETE", "--preflight", fixture("preflight-ok.http"), fixture("response-ok.http")]);
    expect(status).toBe(1);
    expect(out).toContain("Blocked at the preflight (disallowed-method).");
    expect(out).toContain("Method DELETE is not allowed");
  });

  test("says how to supply a missing preflight", () => {
    const { status, out } = run([...base, "--method", "PUT", fixture("response-ok.http")]);
    expect(status).toBe(1);
    expect(out).toContain("--preflight FILE");
  });

  test("--json prints the verdict", () => {
    const { status, out } = run(["check", "--origin", "https://app.example", "--method", "GET", "--json", fixture("response-ok.http")]);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, preflight: null });
  });

  test("the chromium engine is available", () => {
    const { out } = run([...base, "--method", "GET", "--engine", "chromium", fixture("response-ok.http")]);
    expect(out).toContain("Allowed");
  });
});

describe("usage errors exit 2 with a message and no stack trace", () => {
  const cases: [string, string[], RegExp][] = [
    ["no command", [], /Usage:/],
    ["unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["unknown option", ["check", "--origin", "a", "--method", "GET", "--nope", "x", "f"], /unknown option --nope/],
    ["missing flags", ["check", "f"], /needs --origin and --method/],
    ["no file", ["check", "--origin", "a", "--method", "GET"], /exactly one FILE/],
    ["bad credentials", ["check", "--origin", "a", "--method", "GET", "--credentials", "yes", "f"], /--credentials must be/],
    ["bad engine", ["check", "--origin", "a", "--method", "GET", "--engine", "gecko", "f"], /--engine must be/],
    ["bad --header", ["check", "--origin", "a", "--method", "GET", "--header", "nocolon", "f"], /--header expects/],
    ["missing file", ["check", "--origin", "a", "--method", "GET", "/nonexistent/capture.http"], /cannot read \/nonexistent\/capture.http \(no such file\)/],
    ["flag without value", ["check", "--origin"], /--origin needs a value/],
  ];
  for (const [title, args, message] of cases) {
    test(title, () => {
      const { status, out, err } = run(args);
      expect(status).toBe(2);
      expect(`${out}${err}`).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
    });
  }
  test("an empty capture", () => {
    const { status, err } = run(["check", "--origin", "a", "--method", "GET", "-"], "\n\n");
    expect(status).toBe(2);
    expect(err).toMatch(/holds no header lines/);
  });
});

describe("the built bin", () => {
  test("runs as a process, with the documented exit codes", () => {
    const bin = new URL("../../dist/cli.js", import.meta.url).pathname;
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    expect(spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).stdout.trim()).toBe(version);
    const blocked = spawnSync(process.execPath, [bin, "parse"], { input: "Access-Control-Allow-Credentials: True\n", encoding: "utf8" });
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain("not-true");
    const usage = spawnSync(process.execPath, [bin, "check"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toContain("    at ");
  });
});
