// A Koa 3 app with @koa/router and a CORS policy, serving a JSON PUT with credentials.
// Run: node examples/koa.mjs
import Router from "@koa/router";
import Koa from "koa";
import { pathToFileURL } from "node:url";
import { corsPolicy } from "typed-headers";
import { koaCors } from "typed-headers/koa";

const policy = corsPolicy({
  origins: ["https://app.example.com", "http://localhost:5173"],
  credentials: true,
  methods: ["PUT", "DELETE"],
  allowedHeaders: ["content-type"],
  exposedHeaders: ["etag"],
  maxAge: 600,
});

/** Reads a JSON request body (a body parser such as @koa/bodyparser does the same). */
async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** The app: CORS first, so that 404s and thrown errors carry its headers too. */
export function createApp() {
  const app = new Koa();
  const router = new Router();
  router.put("/items/:id", async (ctx) => {
    ctx.set("etag", '"2"');
    ctx.body = { id: ctx.params.id, ...(await readJson(ctx.req)) };
  });
  app.use(koaCors(policy));
  app.use(router.routes());
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createApp().listen(8080, "127.0.0.1", () => console.log("listening on http://127.0.0.1:8080"));
}
