import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { parseHeader } from "typed-headers";

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
    expect(out).toContain('✓ date: "2026-11-27T08:00:00.000Z"');
  });

  test("reads curl -v output and exits 1 when a known header does not parse", () => {
    const { status, out } = run(["parse", fixture("curl-verbose.txt")]);
    expect(status).toBe(1);
    expect(out).toContain("OPTIONS /items HTTP/1.1");
    // Offsets count from the start of the field value, as in-process parsing does (issue 12).
    expect(out).toContain("✗ access-control-allow-origin: invalid-origin at 19");
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
    const { status, out } = run([
      ...base,
      "--method",
      "PUT",
      "--header",
      "Content-Type: application/json",
      "--preflight",
      fixture("preflight-ok.http"),
      fixture("response-ok.http"),
    ]);
    expect(status).toBe(0);
    expect(out).toContain("access-control-request-headers: content-type");
    expect(out).toContain("cached for 600 s");
    expect(out).toContain("Allowed. The page can read: content-type, access-control-allow-origin".split(",")[0]);
    expect(out).toContain("etag");
    expect(out).not.toContain("set-cookie");
  });

  test("exits 1 with the reason when it would block", () => {
    const { status, out } = run([
      ...base,
      "--method",
      "DELETE",
      "--preflight",
      fixture("preflight-ok.http"),
      fixture("response-ok.http"),
    ]);
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
    const { status, out } = run([
      "check",
      "--origin",
      "https://app.example",
      "--method",
      "GET",
      "--json",
      fixture("response-ok.http"),
    ]);
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
    [
      "unknown option",
      ["check", "--origin", "https://a.example", "--method", "GET", "--nope", "x", "f"],
      /unknown option --nope/,
    ],
    ["missing flags", ["check", "f"], /needs --origin and --method/],
    ["no file", ["check", "--origin", "https://a.example", "--method", "GET"], /exactly one FILE/],
    [
      "bad credentials",
      ["check", "--origin", "https://a.example", "--method", "GET", "--credentials", "yes", "f"],
      /--credentials must be/,
    ],
    ["bad engine", ["check", "--origin", "https://a.example", "--method", "GET", "--engine", "gecko", "f"], /--engine must be/],
    [
      "bad --header",
      ["check", "--origin", "https://a.example", "--method", "GET", "--header", "nocolon", "f"],
      /--header expects/,
    ],
    [
      "missing file",
      ["check", "--origin", "https://a.example", "--method", "GET", "/nonexistent/capture.http"],
      /cannot read \/nonexistent\/capture.http \(no such file\)/,
    ],
    ["flag without value", ["check", "--origin"], /--origin needs a value/],
    [
      "an invalid --origin says what to give",
      ["check", "--origin", "https://App.example/", "--method", "GET", "f"],
      /--origin "https:\/\/App.example\/" is not an origin as a browser sends it: .*e\.g\. --origin https:\/\/app\.example/,
    ],
    [
      "an --origin without a scheme",
      ["check", "--origin", "app.example", "--method", "GET", "f"],
      /--origin "app.example" is not an origin/,
    ],
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
    const { status, err } = run(["check", "--origin", "https://a.example", "--method", "GET", "-"], "\n\n");
    expect(status).toBe(2);
    expect(err).toMatch(/holds no header lines/);
  });
});

describe("the built bin", () => {
  test("runs as a process, with the documented exit codes", () => {
    const bin = new URL("../../dist/cli.js", import.meta.url).pathname;
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    expect(spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).stdout.trim()).toBe(version);
    const blocked = spawnSync(process.execPath, [bin, "parse"], {
      input: "Access-Control-Allow-Credentials: True\n",
      encoding: "utf8",
    });
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain("not-true");
    const usage = spawnSync(process.execPath, [bin, "check"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toContain("    at ");
  });
});

describe("hostile captures and arguments (issue 13, defect 6; issue 12)", () => {
  const ESC = "\u001b";
  const osc52 = `${ESC}]52;c;ZWNobyBwd25lZA==\u0007`;

  test("terminal control characters from a capture are printed escaped, never raw", () => {
    const capture = `HTTP/1.1 200 OK${ESC}[2J\nX-Evil: ${osc52}\nVary: ${ESC}[31mOrigin\nAccess-Control-Allow-Origin: \u009b6n\n`;
    const { status, out, err } = run(["parse"], capture);
    expect(status).toBe(1);
    for (const text of [out, err]) expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain("\\x1B]52;c;ZWNobyBwd25lZA==\\x07");
    expect(out).toContain("HTTP/1.1 200 OK\\x1B[2J");
  });

  test("a problem line quoting the capture is escaped too", () => {
    const { err } = run(["parse"], `Vary: origin\nno colon here ${osc52}\n`);
    expect(err).toContain("no colon here");
    expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test("--json output keeps the values but escapes DEL, C1 and bidi controls as \\u escapes", () => {
    const { out } = run(["parse", "--json"], "X-Evil: a\u009b31mb\u202ec\nVary: origin\n");
    expect(out).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(JSON.parse(out).blocks[0].headers[0].raw).toBe("a\u009b31mb\u202ec");
  });

  test("check escapes what it echoes from arguments and captures", () => {
    const { out } = run(
      ["check", "--origin", "https://app.example", "--method", "PUT", "--header", `X-A: ${osc52}`, "-"],
      `Access-Control-Allow-Origin: ${osc52}\n`,
    );
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test("parse on a capture with a start line and no header lines exits 2", () => {
    for (const capture of [
      "HTTP/1.1 204 No Content\n",
      "HTTP/1.1 204 No Content\r\n\r\n",
      "OPTIONS / HTTP/1.1\n\nbody: not a header\n",
    ]) {
      const { status, err } = run(["parse"], capture);
      expect(status).toBe(2);
      expect(err).toMatch(/holds no header lines/);
    }
  });

  test("error offsets are those of in-process parsing of the field value, whatever the OWS around it", () => {
    const value = "https://app.example/";
    const inProcess = parseHeader("access-control-allow-origin", value);
    expect(inProcess.ok).toBe(false);
    const offset = !inProcess.ok ? inProcess.error.offset : undefined;
    for (const line of [`Access-Control-Allow-Origin:${value}`, `Access-Control-Allow-Origin: \t ${value} \t`]) {
      const { out } = run(["parse", "--json"], `${line}\n`);
      expect(JSON.parse(out).blocks[0].headers[0].error.offset).toBe(offset);
      expect(run(["parse"], `${line}\n`).out).toContain(`invalid-origin at ${offset} `);
    }
  });

  test("check shows the status of the response and of the preflight", () => {
    const { out } = run([
      "check",
      "--origin",
      "https://app.example",
      "--credentials",
      "include",
      "--method",
      "PUT",
      "--header",
      "Content-Type: application/json",
      "--preflight",
      fixture("preflight-ok.http"),
      fixture("response-ok.http"),
    ]);
    expect(out).toMatch(/answered with status 204 \(HTTP\/1.1 204 No Content\)/);
    expect(out).toMatch(/Response: status 200 \(HTTP\/1.1 200 OK\)/);
    const bare = run(["check", "--origin", "https://app.example", "--method", "GET", "-"], "Access-Control-Allow-Origin: *\n");
    expect(bare.out).toContain("Response: no status line in the capture (200 assumed)");
  });

  test('"null" is a valid --origin (sandboxed pages send it)', () => {
    const { status } = run(["check", "--origin", "null", "--method", "GET", "-"], "Access-Control-Allow-Origin: null\n");
    expect(status).toBe(0);
  });
});
