/** A request as received: method, path and the header lines in order (names as sent, values trimmed). */
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

/** Starts the server on 127.0.0.1; `respond` answers each request. Resolves to its port and a stop function. */
export function startRawServer(respond: (request: RawRequest) => RawResponse): Promise<{ port: number; close(): Promise<void> }>;
