// A plain node:http server with a CORS policy, serving a JSON PUT with credentials; the
// application reads typed request headers with HeaderMap. Run: node examples/node-http.mjs
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { corsPolicy, HeaderMap } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const cors = nodeCors(
  corsPolicy({
    origins: ["https://app.example.com", "http://localhost:5173"],
    credentials: true,
    methods: ["PUT", "DELETE"],
    allowedHeaders: ["content-type"],
    exposedHeaders: ["etag"],
    maxAge: 600,
  }),
);

/** The server: CORS first (it answers preflights), then the application. */
export function createAppServer() {
  return createServer(async (req, res) => {
    if (cors(req, res)) return;
    const item = /^\/items\/([^/?]+)$/.exec(req.url ?? "");
    if (req.method !== "PUT" || item === null) {
      res.writeHead(404).end();
      return;
    }
    const type = HeaderMap.from(req.rawHeaders).getRaw("content-type");
    if (type !== "application/json") {
      res.writeHead(415).end();
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    res.writeHead(200, { "content-type": "application/json", etag: '"2"' });
    res.end(JSON.stringify({ id: item[1], ...JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createAppServer().listen(8080, "127.0.0.1", () => console.log("listening on http://127.0.0.1:8080"));
}
