// The built package as a Cloudflare Worker, in workerd (the Workers runtime, published on npm as
// `workerd`): test/runtimes/smoke.mjs is bundled with the package into one module whose `serve` is
// the Worker's fetch handler. workerd runs smoke.mjs's own checks when it loads the module (a
// failing check stops it from starting) and its in-process exchange when asked for /in-process;
// then the requests of smoke.mjs's `exchange` are sent to it over HTTP from Node (importing
// smoke.mjs also runs its checks in Node). Exits non-zero on the
// first wrong answer, or when workerd does not start within a minute.
//
//   npm run build && node test/runtimes/workerd.mjs
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { exchange } from "./smoke.mjs";

const WORKERD = "workerd@1.20261117.1";
const here = fileURLToPath(new URL(".", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "typed-headers-workerd-"));

/** A TCP port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

let worker;
try {
  await build({
    stdin: {
      contents: `import { inProcess, serve } from "./smoke.mjs";
        export default {
          async fetch(request) {
            if (new URL(request.url).pathname !== "/in-process") return serve(request);
            await inProcess();
            return new Response("in process: ok");
          },
        };`,
      resolveDir: here,
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: join(dir, "worker.mjs"),
    logLevel: "warning",
  });
  const port = await freePort();
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = "2026-11-01",
);
`,
  );
  // Its own process group, so that npx and the workerd it starts are stopped together.
  worker = spawn("npx", ["--yes", WORKERD, "serve", join(dir, "config.capnp")], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  worker.stdout.on("data", (data) => {
    output += data;
  });
  worker.stderr.on("data", (data) => {
    output += data;
  });
  let exit = null;
  worker.on("exit", (code, signal) => {
    exit = signal ?? code;
  });

  const url = `http://127.0.0.1:${port}/`;
  for (let waited = 0; ; waited += 250) {
    if (exit !== null) throw new Error(`workerd exited (${exit}) before serving:\n${output}`);
    if (waited > 60_000) throw new Error(`workerd did not serve within a minute:\n${output}`);
    try {
      await fetch(url, { method: "HEAD" });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const inWorker = await fetch(`${url}in-process`);
  if (inWorker.status !== 200) throw new Error(`workerd: the in-process exchange failed (${inWorker.status}):\n${output}`);
  await exchange("workerd over HTTP", (make) => fetch(make(url)));
  console.log("workerd: the Worker loaded (its checks passed), ran the exchange in process and answered it over HTTP");
} finally {
  if (worker?.pid !== undefined && worker.exitCode === null) process.kill(-worker.pid, "SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
