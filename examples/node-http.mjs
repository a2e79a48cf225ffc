// A plain node:http server with a CORS policy. Run: node examples/node-http.mjs
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { corsPolicy, HeaderMap } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const cors = nodeCors(
  corsPolicy({
    origins: ["https://app.example.com", "http://localhost:*"],
    credentials: true,
    methods: ["GET", "POST", "DELETE"],
    allowedHeaders: ["content-type"],
    maxAge: 600,
  }),
);

/** The server: CORS first, then the application, which reads typed request headers. */
export function createAppServer() {
  return createServer((req, res) => {
    if (cors(req, res)) return; // preflights are answered
    const headers = HeaderMap.from(req.rawHeaders);
    const origin = headers.get("origin");
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ origin: origin.ok ? origin.value : null }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createAppServer().listen(8080, "127.0.0.1", () => console.log("listening on http://127.0.0.1:8080"));
}
