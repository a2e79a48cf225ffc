import { expect, test } from "vitest";
import { isSerializedOrigin, urlOrigin } from "./url-oracle.js";

test("the URL oracle answers for Latin-1 hosts as the URL Standard does, however warm the parser", () => {
  for (let i = 0; i < 30_000; i++) urlOrigin(`http://a${i}`);
  expect(urlOrigin("http://é")).toBe("http://xn--9ca");
  expect(urlOrigin("ftp://é  ")).toBe("ftp://xn--9ca");
  expect(urlOrigin("https://Straße.de:443/x")).toBe("https://xn--strae-oqa.de");
  expect(urlOrigin("http://%é")).toBeNull();
  expect(isSerializedOrigin("http://xn--9ca")).toBe(true);
  expect(isSerializedOrigin("http://é")).toBe(false);
  expect(isSerializedOrigin("http://xn--9ca/")).toBe(false);
});
