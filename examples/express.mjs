// An Express 5 app with a CORS policy, serving what a browser page sends: a JSON PUT with
// credentials (so a preflight first). Run: node examples/express.mjs
import express from "express";
import { pathToFileURL } from "node:url";
import { corsPolicy } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const policy = corsPolicy({
  origins: ["https://app.example.com", "http://localhost:5173"],
  credentials: true,
  methods: ["PUT", "DELETE"],
  allowedHeaders: ["content-type"],
  exposedHeaders: ["etag"],
  maxAge: 600,
});

/** The app: CORS first (it answers preflights), then the body parser and the routes. */
export function createApp() {
  const app = express();
  app.use(nodeCors(policy));
  app.use(express.json());
  app.put("/items/:id", (req, res) => {
    res.setHeader("etag", '"2"');
    res.json({ id: req.params.id, ...req.body });
  });
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createApp().listen(8080, "127.0.0.1", () => console.log("listening on http://127.0.0.1:8080"));
}
