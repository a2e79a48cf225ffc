// The two browsers the suites and the explorer drive, behind one shape: Debian's Chromium through
// playwright-core (chromium.mjs), and Debian's Firefox ESR through puppeteer-core over WebDriver
// BiDi. Both pages offer goto(url) and evaluate(fn, arg). A plain ES module (types in
// browsers.d.mts).
import { launchChromium } from "./chromium.mjs";

/** The browsers that can be launched, by the engine name checkCors uses for them. */
export const BROWSER_ENGINES = ["chromium", "firefox"];

/** Starts headless Firefox ESR from `FIREFOX_PATH` or /usr/bin/firefox-esr. */
async function launchFirefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr",
    headless: true,
    protocol: "webDriverBiDi",
  });
}

/** Starts the browser for `engine` ("chromium" or "firefox"); resolves to its version, newPage() and close(). */
export async function launchBrowser(engine) {
  if (engine === "chromium") {
    const browser = await launchChromium();
    return { engine, version: `Chromium ${browser.version()}`, newPage: () => browser.newPage(), close: () => browser.close() };
  }
  if (engine === "firefox") {
    const browser = await launchFirefox();
    const version = (await browser.version()).replace(/^firefox\//, "Firefox ");
    return { engine, version, newPage: () => browser.newPage(), close: () => browser.close() };
  }
  throw new TypeError(`No browser for engine ${JSON.stringify(engine)}: use one of ${BROWSER_ENGINES.join(", ")}.`);
}
