// A Fastify 5 app with a CORS policy, serving a JSON PUT with credentials.
// Run: node examples/fastify.mjs
import Fastify from "fastify";
import { pathToFileURL } from "node:url";
import { corsPolicy } from "typed-headers";
import { fastifyCors } from "typed-headers/fastify";

const policy = corsPolicy({
  origins: ["https://app.example.com", "http://localhost:5173"],
  credentials: true,
  methods: ["PUT", "DELETE"],
  allowedHeaders: ["content-type"],
  exposedHeaders: ["etag"],
  maxAge: 600,
});

/** The app: the plugin answers preflights and adds the headers to every response, errors included. */
export async function createApp() {
  const app = Fastify();
  await app.register(
    fastifyCors(policy, { onRefused: (decision, request) => request.log.info({ reason: decision.reason }, "CORS refused") }),
  );
  app.put("/items/:id", async (request, reply) => {
    reply.header("etag", '"2"');
    return { id: request.params.id, ...request.body };
  });
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const app = await createApp();
  console.log(`listening on ${await app.listen({ port: 8080, host: "127.0.0.1" })}`);
}
