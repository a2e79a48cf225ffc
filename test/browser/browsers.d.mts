/** A browser engine that can be launched. */
export type BrowserEngine = "chromium" | "firefox";

/** The page API both playwright-core and puppeteer-core offer. */
export interface BrowserPage {
  goto(url: string): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** A launched browser: its engine, version ("Chromium 156…", "Firefox 153…"), pages, and close(). */
export interface LaunchedBrowser {
  readonly engine: BrowserEngine;
  readonly version: string;
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}

/** The browsers that can be launched. */
export const BROWSER_ENGINES: readonly BrowserEngine[];

/** Starts the headless browser for `engine`. */
export function launchBrowser(engine: BrowserEngine): Promise<LaunchedBrowser>;
