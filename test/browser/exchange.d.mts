import type { CorsEngine, CorsVerdict } from "typed-headers";

/** One fetch() from the page, and what the server answers to its preflight and to the request. */
export interface BrowserCase {
  readonly title: string;
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly credentials: "omit" | "same-origin" | "include";
  /** The fetch() cache mode (default "default"). */
  readonly cache?: RequestCache;
  /** Raw lines of the preflight response ("Name: value"), and its status. */
  readonly preflight: { readonly status: number; readonly lines: readonly string[] };
  /** Raw lines of the actual response, and its status. */
  readonly response: { readonly status: number; readonly lines: readonly string[] };
  /** Send the request twice, to see whether the preflight result was cached. */
  readonly repeat: boolean;
}

/** A request the server received. */
export interface SeenRequest {
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** What a browser did with one BrowserCase. */
export interface Observation {
  readonly engine: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly names: readonly string[];
  /** The first preflight the server received, or null. */
  readonly preflight: SeenRequest | null;
  /** The actual request the server received (first fetch), or null. */
  readonly sent: SeenRequest | null;
  /** Whether the second fetch of a repeated case was preflighted again (absent when not repeated). */
  readonly repeatPreflighted?: boolean;
}

type CheckCors = typeof import("typed-headers").checkCors;

export function fillLine(line: string, origin: string): string;
export function fieldLines(lines: readonly string[], origin: string): [string, string][];
export function verdictOf(checkCors: CheckCors, c: BrowserCase, origin: string, engine: CorsEngine): CorsVerdict;
export function isPreflight(request: SeenRequest): boolean;
export function judge(c: BrowserCase, observed: Observation, verdict: CorsVerdict): string[];
export function describeCase(c: BrowserCase): string;
