import { startReplayer } from "../browser/replayer.mjs";
const engine = process.argv[2] ?? "chromium";
const specs = JSON.parse(process.argv[3]);
const r = await startReplayer(engine);
const base = { credentials: "omit", preflight: { status: 204, lines: ["Access-Control-Allow-Origin: *", "Access-Control-Allow-Methods: *", "Access-Control-Allow-Headers: *"] }, response: { status: 200, lines: ["Access-Control-Allow-Origin: *"] }, repeat: false };
const cases = specs.map((s, i) => ({ ...base, title: String(i), method: "GET", headers: [], ...s }));
const obs = await r.replay(cases);
obs.forEach((o, i) => console.log(JSON.stringify(specs[i]).slice(-110), "=>", o.ok, o.names.join("|"), o.error ?? "", "pre:", o.preflight ? (o.preflight.headers.find(([n]) => n.toLowerCase() === "access-control-request-headers")?.[1] ?? "-") : "none", "rep:", o.repeatPreflighted));
await r.close();
