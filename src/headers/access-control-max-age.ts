import { DeltaSeconds, scanDeltaSeconds } from "../syntax/delta-seconds.js";
import { parseSingle } from "../syntax/single.js";
import { codecOf, type HeaderCodec } from "./codec.js";
import { invalidValue } from "./definition.js";

//   Access-Control-Max-Age = delta-seconds      (Fetch §3.3.3)
//   delta-seconds          = 1*DIGIT            (RFC 9111 §1.2.2; larger than 2^31 → 2^31)
// Browsers cap it (Chromium 7200 s, Firefox 86400 s, WebKit 600 s); that is checkCors' business.

/**
 * `Access-Control-Max-Age` (preflight response): seconds the preflight result may be cached.
 *
 * @example
 * ```ts
 * accessControlMaxAgeHeader.parse("600");   // { ok: true, value: 600 }
 * accessControlMaxAgeHeader.parse("-1");    // { ok: false, error: { code: "invalid-delta-seconds", … } }
 * ```
 * @public
 */
export const accessControlMaxAgeHeader: HeaderCodec<"access-control-max-age", DeltaSeconds> = /* @__PURE__ */ codecOf({
  name: "access-control-max-age",
  parse: (value) => parseSingle(value, scanDeltaSeconds),
  serialize: (value) =>
    DeltaSeconds.is(value)
      ? String(value)
      : invalidValue("access-control-max-age", value, "an integer from 0 to 2147483648 (DeltaSeconds)"),
});
