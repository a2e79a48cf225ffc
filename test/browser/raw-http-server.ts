// A minimal HTTP/1.1 server on 127.0.0.1 that writes responses byte for byte (node:http refuses
// header values with VT or FF and normalises others), so that browser tests can send any header
// line. One request per connection: every response closes it.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/** A request as received: method, path and the header lines in order (names as sent). */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** A response to write: status, raw header lines ("Name: value", as they go on the wire), body. */
export interface RawResponse {
  readonly status: number;
  readonly lines: readonly string[];
  readonly body?: string;
}

/** Starts the server; `respond` answers each request. Resolves to its port and a stop function. */
export async function startRawServer(respond: (request: RawRequest) => RawResponse): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end === -1) return;
      const head = buffer.subarray(0, end).toString("latin1").split("\r\n");
      const [method = "", path = ""] = (head[0] ?? "").split(" ");
      const headers = head.slice(1).map((line): [string, string] => {
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
