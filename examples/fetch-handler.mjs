// A bare Fetch handler (the shape of Bun.serve, Deno.serve and Workers): reads typed request
// headers with HeaderMap and builds the response's headers with typed values.
import { HeaderMap, Origin } from "typed-headers";

const trusted = new Set(["https://app.example.com"]);

/** Answers with the request's typed Origin, allowing it when trusted. */
export function handle(request) {
  const headers = HeaderMap.from(request.headers);
  const origin = headers.get("origin");
  const response = new HeaderMap().append("vary", ["origin"]).setRaw("content-type", "text/plain");
  if (origin.ok && origin.value !== "null" && trusted.has(origin.value)) {
    response.set("access-control-allow-origin", Origin.from(origin.value));
  }
  const text = origin.ok ? `hello ${origin.value}` : `no valid Origin (${origin.error.code})`;
  return new Response(text, { headers: response.toHeaders() });
}

export default { fetch: handle };
