// A blank page on a loopback origin, opened in headless Chromium: where the browser suites' fetch()
// calls come from.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
// @ts-expect-error - a plain ES module shared with the capture script, without types
import { launchChromium } from "./chromium.mjs";

/** The page, its origin and port, the browser, and a function that closes both. */
export interface BlankPage {
  readonly origin: string;
  readonly port: number;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** Serves a blank page on 127.0.0.1 and opens it in headless Chromium. */
export async function openBlankPage(): Promise<BlankPage> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>blank</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const browser: Browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  return {
    origin,
    port,
    browser,
    page,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
