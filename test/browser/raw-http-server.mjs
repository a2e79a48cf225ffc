// A minimal HTTP/1.1 server on 127.0.0.1 that writes responses byte for byte (node:http refuses
// header values with VT or FF, methods it does not know, and normalises others), so that browser
// tests can receive any request a browser sends and answer with any header line. One request per
// connection: every response closes it. A plain ES module, shared by the browser suites and the
// explorer (types in raw-http-server.d.mts).
import { createServer } from "node:net";

/** Starts the server; `respond` answers each request. Resolves to its port and a stop function. */
export async function startRawServer(respond) {
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString("latin1").split("\r\n");
      const [method = "", path = ""] = (head[0] ?? "").split(" ");
      const headers = head.slice(1).map((line) => {
        const colon = line.indexOf(":");
        return [line.slice(0, colon), line.slice(colon + 1).trim()];
      });
      const length = Number(headers.find(([name]) => name.toLowerCase() === "content-length")?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      socket.removeAllListeners("data");
      const response = respond({ method, path, headers });
      const body = method === "HEAD" ? "" : (response.body ?? "");
      const wire = [
        `HTTP/1.1 ${response.status} Status`,
        ...response.lines,
        `Content-Length: ${Buffer.byteLength(body, "latin1")}`,
        "Connection: close",
        "",
        body,
      ].join("\r\n");
      socket.end(Buffer.from(wire, "latin1"));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
