import type { BrowserEngine } from "./browsers.mjs";
import type { BrowserCase, Observation } from "./exchange.mjs";

/** A browser page and a raw server that replay BrowserCases. */
export interface Replayer {
  readonly engine: BrowserEngine;
  readonly version: string;
  /** The page's origin, "http://127.0.0.1:PORT". */
  readonly origin: string;
  /** Fetches every case (all at once), then the repeated ones again; one Observation per case. */
  replay(cases: readonly BrowserCase[]): Promise<Observation[]>;
  close(): Promise<void>;
}

/** Opens `engine`'s page and the raw server. */
export function startReplayer(engine: BrowserEngine, options?: { fetchTimeout?: number }): Promise<Replayer>;
