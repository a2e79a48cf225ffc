// A bare Fetch handler (the shape of Bun.serve, Deno.serve and Workers) with a CORS policy,
// serving a JSON PUT with credentials.
import { corsPolicy, fetchCors } from "typed-headers";

const cors = fetchCors(
  corsPolicy({
    origins: ["https://app.example.com", "http://localhost:5173"],
    credentials: true,
    methods: ["PUT", "DELETE"],
    allowedHeaders: ["content-type"],
    exposedHeaders: ["etag"],
    maxAge: 600,
  }),
);

/** The application, unaware of CORS. */
async function route(request) {
  const item = /^\/items\/([^/?]+)$/.exec(new URL(request.url).pathname);
  if (request.method !== "PUT" || item === null) return new Response(null, { status: 404 });
  return Response.json({ id: item[1], ...(await request.json()) }, { headers: { etag: '"2"' } });
}

/** The handler: preflights answered by the policy, every other response given its headers. */
export async function handle(request) {
  const result = cors(request);
  if (result.preflight) return result.preflight;
  return result.apply(await route(request));
}

export default { fetch: handle };
