#!/usr/bin/env node
// Entry point of the `typed-headers` command.
import { readFileSync } from "node:fs";
import { main } from "../cli/main.js";

// Kept in step with package.json (test/cli/cli.test.ts checks it).
const version = "0.1.0";
const status = main(process.argv.slice(2), {
  stdin: () => readFileSync(0, "latin1"),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  version,
});
process.exitCode = status;
