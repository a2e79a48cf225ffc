// What the types refuse at compile time (DESIGN §11): the rules a browser enforces that a type can
// state. The prefix rules need the name's text, so they are checked by SetCookie.from.
import { describe, expectTypeOf, test } from "vitest";
import { SetCookie, setCookieHeader, type CookiePrefixRules } from "./set-cookie.js";

describe("SetCookie type", () => {
  test("ordinary and secure cookies compile", () => {
    const plain: SetCookie = { name: "theme", value: "dark", path: "/", maxAge: 60, httpOnly: true, sameSite: "Lax" };
    const crossSite: SetCookie = { name: "embed", value: "1", secure: true, sameSite: "None", partitioned: true };
    const dated: SetCookie = { name: "a", value: "1", expires: new Date() };
    expectTypeOf(setCookieHeader.serialize([plain])).toBeString();
    expectTypeOf([crossSite, dated]).toMatchTypeOf<readonly SetCookie[]>();
  });

  test('sameSite: "None" requires secure', () => {
    // @ts-expect-error -- SameSite=None without Secure: browsers reject the cookie
    const bad: SetCookie = { name: "a", value: "1", sameSite: "None" };
    void bad;
    // @ts-expect-error -- also through the codec
    setCookieHeader.serialize([{ name: "a", value: "1", sameSite: "None" }]);
  });

  test("partitioned requires secure", () => {
    // @ts-expect-error -- Partitioned without Secure: browsers reject the cookie
    const bad: SetCookie = { name: "a", value: "1", partitioned: true };
    void bad;
  });

  test("secure is true or absent, never false", () => {
    // @ts-expect-error -- false is written by omitting it
    const bad: SetCookie = { name: "a", value: "1", secure: false };
    void bad;
  });

  test("maxAge and expires exclude each other", () => {
    // @ts-expect-error -- browsers ignore Expires next to Max-Age
    const bad: SetCookie = { name: "a", value: "1", maxAge: 1, expires: new Date() };
    void bad;
  });

  test("sameSite is one of the three spellings", () => {
    // @ts-expect-error -- "lax" is not a SameSite value of this type
    const bad: SetCookie = { name: "a", value: "1", sameSite: "lax" };
    void bad;
  });
});

describe("SetCookie.from: the name prefixes", () => {
  test("a __Host- cookie with secure, path / and no domain compiles", () => {
    expectTypeOf(
      SetCookie.from({ name: "__Host-session", value: "v", secure: true, path: "/", httpOnly: true }),
    ).toEqualTypeOf<SetCookie>();
    expectTypeOf(
      SetCookie.from({ name: "__Secure-id", value: "v", secure: true, domain: "example.com" }),
    ).toEqualTypeOf<SetCookie>();
    expectTypeOf(SetCookie.from({ name: "plain", value: "v" })).toEqualTypeOf<SetCookie>();
  });

  test("__Host- without secure, without path / or with a domain does not compile", () => {
    // @ts-expect-error -- __Host- requires secure
    SetCookie.from({ name: "__Host-session", value: "v", path: "/" });
    // @ts-expect-error -- __Host- requires path "/"
    SetCookie.from({ name: "__Host-session", value: "v", secure: true });
    // @ts-expect-error -- __Host- requires path "/", exactly
    SetCookie.from({ name: "__Host-session", value: "v", secure: true, path: "/app" });
    // @ts-expect-error -- __Host- forbids a domain
    SetCookie.from({ name: "__Host-session", value: "v", secure: true, path: "/", domain: "example.com" });
  });

  test("__Secure- without secure does not compile; prefixes match in any case", () => {
    // @ts-expect-error -- __Secure- requires secure
    SetCookie.from({ name: "__Secure-id", value: "v" });
    // @ts-expect-error -- browsers match the prefix case-insensitively
    SetCookie.from({ name: "__SECURE-id", value: "v" });
  });

  test("CookiePrefixRules states the rules", () => {
    expectTypeOf<CookiePrefixRules<"__Host-x">>().toEqualTypeOf<{
      readonly secure: true;
      readonly path: "/";
      readonly domain?: never;
    }>();
    expectTypeOf<CookiePrefixRules<"__secure-x">>().toEqualTypeOf<{ readonly secure: true }>();
    expectTypeOf<CookiePrefixRules<"x">>().toEqualTypeOf<unknown>();
  });
});
