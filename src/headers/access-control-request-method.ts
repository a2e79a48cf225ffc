import type { Method } from "../syntax/method.js";
import { fail, ok, type ParseResult } from "../syntax/result.js";
import { parseSingle } from "../syntax/single.js";
import { indexOfNonTchar, isToken, notATokenAt } from "../syntax/token.js";
import { invalidValue, type RegisteredDefinition } from "./definition.js";

//   Access-Control-Request-Method = method        (Fetch §3.3.2)
//   method                        = token         (RFC 9110 §9.1)

function scanMethod(s: string, start: number, end: number): ParseResult<Method> {
  if (start === end) return fail("empty", "expected a method, found an empty value.", start);
  const bad = indexOfNonTchar(s, start, end);
  if (bad !== -1) return notATokenAt(s, bad, "a method");
  return ok((start === 0 && end === s.length ? s : s.slice(start, end)) as Method);
}

/** `Access-Control-Request-Method` request header. @internal */
export const accessControlRequestMethod: RegisteredDefinition<"access-control-request-method", Method> = {
  name: "access-control-request-method",
  parse: (value) => parseSingle(value, scanMethod),
  serialize: (value) =>
    typeof value === "string" && isToken(value) ? value : invalidValue("access-control-request-method", value, "a method (token)"),
};
