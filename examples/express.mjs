// An Express app with a CORS policy, serving what a browser sends: a credentialed JSON PUT
// (fetch(url, { method: "PUT", credentials: "include", headers: { "content-type":
// "application/json" }, body })), preflighted because of its method and content type.
// Run: node examples/express.mjs
import express from "express";
import { pathToFileURL } from "node:url";
import { corsPolicy } from "typed-headers";
import { nodeCors } from "typed-headers/node";

const cors = nodeCors(
  corsPolicy({
    origins: ["https://app.example.com"],
    credentials: true,
    methods: ["PUT"],
    allowedHeaders: ["content-type"],
    exposedHeaders: ["etag"],
    maxAge: 600,
  }),
);

/** The app: the policy's middleware answers preflights and adds headers to every response. */
export function createApp() {
  const app = express();
  app.use(cors); // before the routes and the body parser: preflights are answered here
  app.use(express.json());
  app.put("/items/:id", (req, res) => {
    res.setHeader("etag", '"2"');
    res.json({ id: req.params.id, updated: req.body, session: req.headers.cookie ?? null });
  });
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createApp().listen(8080, "127.0.0.1", () => console.log("listening on http://127.0.0.1:8080"));
}
