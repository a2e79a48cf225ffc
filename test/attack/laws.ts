// The laws the attack suite checks, shared by its test files.
import { expect } from "vitest";
import { HostileError } from "./hostile.js";

/** Whether `value` can be sent as a field value: a string without CR, LF, NUL, chars above U+00FF or surrounding SP/HTAB. */
export function isFieldValue(value: unknown): boolean {
  return typeof value === "string" && !/[\r\n\0]|[^\u0000-\u00ff]/u.test(value) && !/^[ \t]|[ \t]$/.test(value);
}

/** Whether `error` is the library's own TypeError (prefix `typed-headers:`). */
export function isLibraryTypeError(error: unknown): boolean {
  return error instanceof TypeError && error.message.startsWith("typed-headers:");
}

/** Runs `call`; it must return, or throw only the library's TypeError. Returns the outcome. */
export function throwsOnlyLibraryTypeError<T>(what: string, call: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    if (!isLibraryTypeError(error)) {
      const shown =
        error instanceof HostileError ? `the caller's own ${error.message} error` : String((error as Error)?.stack ?? error);
      expect.fail(`${what} threw something other than the library's TypeError: ${shown}`);
    }
    return { ok: false };
  }
}

/** Runs `call`; it must not throw at all. */
export function neverThrows<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    return expect.fail(`${what} threw: ${String((error as Error)?.stack ?? error)}`);
  }
}

/** A ParseResult-shaped value: `{ ok: true, value }` or `{ ok: false, error: { code, message } }`. */
export function expectParseResult(what: string, result: unknown): void {
  const r = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  expect(typeof r === "object" && r !== null && typeof r.ok === "boolean", `${what} returned a ParseResult`).toBe(true);
  if (r.ok === false) {
    expect(typeof r.error?.code, `${what}: error.code`).toBe("string");
    expect(typeof r.error?.message, `${what}: error.message`).toBe("string");
  }
}
