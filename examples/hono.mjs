// A Hono app with a CORS policy (the same code runs on Bun, Deno and Workers), serving a JSON PUT
// with credentials.
import { Hono } from "hono";
import { corsPolicy } from "typed-headers";
import { honoCors } from "typed-headers/hono";

const policy = corsPolicy({
  origins: ["https://app.example.com", "http://localhost:5173"],
  credentials: true,
  methods: ["PUT", "DELETE"],
  allowedHeaders: ["content-type"],
  exposedHeaders: ["etag"],
  maxAge: 600,
});

/** The app: preflights are answered by the middleware, every other response gets its headers. */
export const app = new Hono();
app.use(honoCors(policy));
app.put("/items/:id", async (c) => c.json({ id: c.req.param("id"), ...(await c.req.json()) }, 200, { etag: '"2"' }));
