// An Express app with a CORS policy. Run: node examples/express.mjs
import express from "express";
import { pathToFileURL } from "node:url";
import { corsPolicy } from "typed-headers";
import { nodeCors } from "typed-headers/node";

/** The app: the policy's middleware answers preflights and adds headers to every response. */
export function createApp() {
  const app = express();
  app.use(nodeCors(corsPolicy({ origins: ["https://app.example.com"], methods: ["PUT"], exposedHeaders: ["etag"] })));
  app.put("/items/:id", (req, res) => {
    res.setHeader("etag", '"2"');
    res.json({ id: req.params.id, updated: true });
  });
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createApp().listen(8080, "127.0.0.1", () => console.log("listening on http://127.0.0.1:8080"));
}
