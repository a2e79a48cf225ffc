// A Hono app with a CORS policy (the same code runs on Bun, Deno and Workers).
import { Hono } from "hono";
import { corsPolicy, fetchCors } from "typed-headers";

const cors = fetchCors(corsPolicy({ origins: ["https://*.example.com"], credentials: true, methods: ["POST"], allowedHeaders: ["content-type"] }));

/** The app: preflights are answered by the policy, other responses get its headers. */
export const app = new Hono();
app.use(async (c, next) => {
  const result = cors(c.req.raw);
  if (result.preflight) return result.preflight;
  await next();
  c.res = result.apply(c.res);
});
app.post("/messages", async (c) => c.json({ received: await c.req.json() }, 201));
