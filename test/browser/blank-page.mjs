// A blank page on a loopback origin, opened in a headless browser: where the browser suites' and the
// explorer's fetch() calls come from. A plain ES module (types in blank-page.d.mts).
import { createServer } from "node:http";
import { launchBrowser } from "./browsers.mjs";

/** Serves a blank page on 127.0.0.1 and opens it in headless `engine` (Chromium by default). */
export async function openBlankPage(engine = "chromium") {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>blank</title>");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await launchBrowser(engine);
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  return {
    origin,
    port,
    browser,
    page,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
