import type { BrowserEngine, BrowserPage, LaunchedBrowser } from "./browsers.mjs";

/** The page, its origin and port, the browser, and a function that closes both. */
export interface BlankPage {
  readonly origin: string;
  readonly port: number;
  readonly browser: LaunchedBrowser;
  readonly page: BrowserPage;
  close(): Promise<void>;
}

/** Serves a blank page on 127.0.0.1 and opens it in headless `engine` (Chromium by default). */
export function openBlankPage(engine?: BrowserEngine): Promise<BlankPage>;
