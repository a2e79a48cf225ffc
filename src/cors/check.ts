import { accessControlAllowHeadersHeader } from "../headers/access-control-allow-headers.js";
import { accessControlAllowMethodsHeader } from "../headers/access-control-allow-methods.js";
import { accessControlExposeHeadersHeader } from "../headers/access-control-expose-headers.js";
import { HeaderMap, type HeaderInput } from "../map/header-map.js";
import { trimHttpWhitespace, trimOws } from "../syntax/chars.js";
import { scanDeltaSeconds } from "../syntax/delta-seconds.js";
import { isToken } from "../syntax/token.js";
import { engineRules, type CorsEngine, type EngineRules } from "./engines.js";
import {
  corsUnsafeHeaderNames,
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isSafelistedMethod,
  normalizeMethod,
} from "./request.js";

/**
 * The request a page makes with `fetch()`.
 *
 * @example
 * ```ts
 * const request: CorsRequest = {
 *   origin: "https://app.example",
 *   method: "PUT",
 *   headers: { "content-type": "application/json" },
 *   credentials: "include",
 * };
 * ```
 * @public
 */
export interface CorsRequest {
  /** The serialized origin of the page (`"null"` for an opaque origin or after a cross-origin redirect). */
  readonly origin: string;
  /** The method as the page passes it to `fetch()` (`"patch"` stays `"patch"`, `"put"` becomes `"PUT"`). */
  readonly method: string;
  /** The headers the page sets; forbidden ones (`Origin`, `Cookie`, `Sec-*`, …) are dropped as `fetch()` does. */
  readonly headers?: HeaderInput;
  /** The credentials mode; default `"same-origin"`, which sends no credentials cross-origin. */
  readonly credentials?: "omit" | "same-origin" | "include";
  /**
   * The cache mode; default `"default"`. `"only-if-cached"` makes `fetch()` throw (it needs mode
   * `same-origin`); Chromium ignores its preflight cache for `no-store`, `reload` and `no-cache`.
   */
  readonly cache?: "default" | "no-store" | "reload" | "no-cache" | "force-cache" | "only-if-cached";
  /** Whether the target is in a more private address space (Private Network Access): the preflight then asks for it. */
  readonly privateNetwork?: boolean;
}

/**
 * What the server answered: the preflight response (if there was a preflight) and the response
 * to the actual request. Header lines are as the server sent them; repeated entries are separate
 * field lines.
 *
 * @example
 * ```ts
 * const exchange: CorsExchange = {
 *   preflight: { status: 204, headers: { "access-control-allow-origin": "https://app.example", "access-control-allow-methods": "PUT" } },
 *   response: { status: 200, headers: { "access-control-allow-origin": "https://app.example" } },
 * };
 * ```
 * @public
 */
export interface CorsExchange {
  /** The response to the preflight (OPTIONS) request, if the server was asked one. */
  readonly preflight?: { readonly status: number; readonly headers: HeaderInput };
  /** The response to the actual request. */
  readonly response?: { readonly status: number; readonly headers: HeaderInput };
}

/**
 * The preflight a browser sends: its CORS request headers (`accept`, `access-control-request-method`,
 * `access-control-request-headers` when there are unsafe headers,
 * `access-control-request-private-network` for Private Network Access, `origin`), and how many
 * seconds the browser caches a successful result (0 = not cached).
 *
 * @example
 * ```ts
 * const verdict = checkCors({ origin: "https://app.example", method: "PUT", credentials: "include" }, exchange);
 * verdict.preflight?.headers;   // [["access-control-request-method", "PUT"], …]
 * verdict.preflight?.maxAge;    // seconds the browser caches the answer (0: not cached)
 * ```
 * @public
 */
export interface PreflightInfo {
  /** The CORS request headers of the preflight, `[lowercase name, value]`, in the order sent. */
  readonly headers: readonly (readonly [string, string])[];
  /** Seconds the browser caches a successful preflight (0 = not cached, or the preflight failed). */
  readonly maxAge: number;
}

/**
 * What a browser does with a CORS exchange: whether the page gets the response, the preflight
 * it sends (null when none), the response header names the page can read, or — when blocked — the
 * stage, a stable reason code and a message like the browser's console line.
 *
 * @example
 * ```ts
 * const verdict = checkCors({ origin: "https://app.example", method: "PUT", credentials: "include" }, exchange);
 * if (verdict.ok) console.log("readable:", verdict.exposedHeaders);
 * else console.log(`${verdict.stage}: ${verdict.reason} — ${verdict.message}`);
 * ```
 * @public
 */
export type CorsVerdict =
  | { readonly ok: true; readonly preflight: PreflightInfo | null; readonly exposedHeaders: readonly string[] }
  | {
      readonly ok: false;
      readonly stage: "preflight" | "response";
      readonly reason: CorsFailureReason;
      readonly message: string;
      readonly preflight: PreflightInfo | null;
    };

/**
 * Why a browser blocks a CORS exchange.
 *
 * @remarks
 * - `invalid-method`, `forbidden-method`: `fetch()` throws before sending anything (not a token;
 *   CONNECT, TRACE, TRACK). Reported at the `preflight` stage.
 * - `invalid-request-header`: `fetch()` throws before sending anything: a request header name is not
 *   a token, or a value holds NUL, CR, LF or a character above U+00FF. Reported at the `preflight` stage.
 * - `invalid-cache-mode`: `fetch()` throws before sending anything: the cache mode is not one of
 *   Fetch's, or is `only-if-cached` (which needs mode `same-origin`). Reported at the `preflight` stage.
 * - `missing-preflight`: a preflight is needed but the exchange has no preflight response.
 * - `missing-allow-origin`, `multiple-allow-origin`, `wildcard-origin-with-credentials`, `mismatched-allow-origin`: the
 *   `Access-Control-Allow-Origin` check, on the preflight or the actual response.
 * - `invalid-allow-credentials`: credentials mode `include` and `Access-Control-Allow-Credentials` is not
 *   exactly `true`.
 * - `unsuccessful-preflight`: the preflight response status is not 200–299.
 * - `missing-allow-private-network`, `invalid-allow-private-network`: Private Network Access preflight without
 *   `Access-Control-Allow-Private-Network: true`.
 * - `invalid-allow-methods`, `invalid-allow-headers`: a member of `Access-Control-Allow-Methods` / `-Headers` is
 *   not a token (one bad line fails the preflight).
 * - `disallowed-method`, `disallowed-header`: not covered by the preflight response.
 *
 * @example
 * ```ts
 * const verdict = checkCors({ origin: "https://app.example", method: "PUT", credentials: "include" }, exchange);
 * // mismatched-allow-origin: the server allowed another origin than the page's
 * if (!verdict.ok && verdict.reason === "mismatched-allow-origin") console.warn(verdict.message);
 * ```
 * @public
 */
export type CorsFailureReason =
  | "invalid-method"
  | "forbidden-method"
  | "invalid-request-header"
  | "invalid-cache-mode"
  | "missing-preflight"
  | "missing-allow-origin"
  | "multiple-allow-origin"
  | "wildcard-origin-with-credentials"
  | "mismatched-allow-origin"
  | "invalid-allow-credentials"
  | "unsuccessful-preflight"
  | "missing-allow-private-network"
  | "invalid-allow-private-network"
  | "invalid-allow-methods"
  | "invalid-allow-headers"
  | "disallowed-method"
  | "disallowed-header";

/**
 * Options of {@link checkCors}.
 *
 * @example
 * ```ts
 * const request: CorsRequest = { origin: "https://app.example", method: "PUT", credentials: "include" };
 * checkCors(request, exchange, { engine: "chromium" });   // Chromium's departures included
 * checkCors(request, exchange, { engine: "firefox" });    // Firefox's
 * ```
 * @public
 */
export interface CheckCorsOptions {
  /**
   * `"fetch"` (default) follows the Fetch standard; `"chromium"` and `"firefox"` reproduce where
   * those browsers depart from it (listed in docs/engines.md). Any other value is refused with a
   * `TypeError`.
   */
  readonly engine?: CorsEngine;
}

type Stage = "preflight" | "response";
type Failure = { readonly reason: CorsFailureReason; readonly detail: string };

/** The safelisted response header names (Fetch "CORS-safelisted response-header name"). */
const SAFELISTED_RESPONSE_HEADERS = new Set([
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
]);

/**
 * Says what a browser does with a CORS exchange, following the Fetch standard's CORS protocol
 * step by step: method normalization, whether a preflight is needed and with which headers, the
 * preflight checks, the max-age it is cached for, the CORS check on the actual response, and
 * the response headers the page can read. Never throws for any request or exchange; throws a
 * `TypeError` for an engine it does not know.
 *
 * @example
 * ```ts
 * const verdict = checkCors(
 *   { origin: "https://app.example", method: "PUT", credentials: "include" },
 *   {
 *     preflight: { status: 204, headers: { "access-control-allow-origin": "https://app.example",
 *                                          "access-control-allow-methods": "PUT" } },
 *   },
 * );
 * // { ok: false, stage: "preflight", reason: "invalid-allow-credentials", message: "… must be 'true' …" }
 * ```
 * @public
 */
export function checkCors(request: CorsRequest, exchange: CorsExchange, options: CheckCorsOptions = {}): CorsVerdict {
  // Inputs from JavaScript callers may be anything, getters that throw included: each field is
  // read once, and one that cannot be read counts as absent.
  const rules = engineRules(field(options, "engine"));
  const originValue = field(request, "origin");
  const origin = typeof originValue === "string" ? originValue : "";
  const credentials = field(request, "credentials") === "include";
  const methodValue = field(request, "method");
  const method = normalizeMethod(typeof methodValue === "string" ? methodValue : "");
  if (!isToken(method)) {
    return blocked(
      "preflight",
      { reason: "invalid-method", detail: `'${method}' is not a valid HTTP method, so fetch() throws.` },
      null,
    );
  }
  if (isForbiddenMethod(method)) {
    return blocked(
      "preflight",
      { reason: "forbidden-method", detail: `'${method}' is a forbidden method, so fetch() throws.` },
      null,
    );
  }

  const headers = requestHeaders(field(request, "headers") as HeaderInput | undefined);
  if (headers === undefined) {
    return blocked(
      "preflight",
      { reason: "invalid-request-header", detail: "A request header has an invalid name or value, so fetch() throws." },
      null,
    );
  }
  const cache = field(request, "cache") ?? "default";
  if (typeof cache !== "string" || !CACHE_MODES.has(cache) || cache === "only-if-cached") {
    return blocked(
      "preflight",
      {
        reason: "invalid-cache-mode",
        detail: `The cache mode '${String(cache)}' cannot be used with mode 'cors', so fetch() throws.`,
      },
      null,
    );
  }
  const preflightResponse = responseOf(field(exchange, "preflight"));
  const actualResponse = responseOf(field(exchange, "response"));
  const unsafeNames = corsUnsafeHeaderNames(headers, rules);
  const privateNetwork = field(request, "privateNetwork") === true;
  let preflight: PreflightInfo | null = null;
  if (!isSafelistedMethod(method) || unsafeNames.length > 0 || privateNetwork) {
    const sent: [string, string][] = [
      ["accept", "*/*"],
      ["access-control-request-method", method],
    ];
    if (unsafeNames.length > 0) sent.push(["access-control-request-headers", unsafeNames.join(",")]);
    if (privateNetwork) sent.push(["access-control-request-private-network", "true"]);
    sent.push(["origin", origin]);
    if (preflightResponse === undefined) {
      const info = { headers: sent, maxAge: 0 };
      return blocked(
        "preflight",
        { reason: "missing-preflight", detail: "A preflight is needed, but the exchange has no preflight response." },
        info,
      );
    }
    const response = safeMap(preflightResponse.headers);
    const failure = checkPreflight(response, preflightResponse.status, {
      origin,
      credentials,
      method,
      names: unsafeNames,
      authorization: headers.some(([name]) => name === "authorization"),
      privateNetwork,
      rules,
    });
    const cachedSeconds =
      failure === undefined && !rules.cacheModesBypassingPreflightCache.has(cache)
        ? cachedFor(response, headers, credentials, rules)
        : 0;
    preflight = { headers: sent, maxAge: cachedSeconds };
    if (failure !== undefined) return blocked("preflight", failure, preflight);
  }

  if (actualResponse === undefined) return { ok: true, preflight, exposedHeaders: [] };
  const response = safeMap(actualResponse.headers);
  const failure = corsCheck(response, origin, credentials);
  if (failure !== undefined) return blocked("response", failure, preflight);
  return { ok: true, preflight, exposedHeaders: exposedHeaders(response, credentials, rules) };
}

/** Fetch's cache modes (RequestCache). */
const CACHE_MODES = new Set(["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"]);

/**
 * The request's header lines as `fetch()` keeps them: names lowercased, values normalized, forbidden
 * ones dropped; undefined when `fetch()` would throw for them (a name that is not a token, a value
 * with NUL, CR, LF or a character above U+00FF, or something that is not headers).
 */
function requestHeaders(input: HeaderInput | undefined): [string, string][] | undefined {
  let map: HeaderMap;
  try {
    map = HeaderMap.from(input ?? []);
    map.toEntries(); // copies and checks the lines now, so that later reads cannot throw
  } catch {
    return undefined;
  }
  const lines: [string, string][] = [];
  for (const [name, value] of map) {
    const normalized = trimHttpWhitespace(value);
    if (!isForbiddenRequestHeader(name, normalized)) lines.push([name, normalized]);
  }
  return lines;
}

/** `object[key]`, or undefined when `object` is not an object or reading the key throws. */
function field(object: unknown, key: string): unknown {
  if (typeof object !== "object" || object === null) return undefined;
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** A captured response's status and headers read once, or undefined when there is none. */
function responseOf(value: unknown): { readonly status: unknown; readonly headers: HeaderInput } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return { status: field(value, "status"), headers: field(value, "headers") as HeaderInput };
}

/** A HeaderMap of `input`, or an empty one when `input` is not headers (checkCors never throws). */
function safeMap(input: HeaderInput): HeaderMap {
  try {
    const map = HeaderMap.from(input);
    map.toEntries(); // copies and checks the lines now, so that later reads cannot throw
    return map;
  } catch {
    return new HeaderMap();
  }
}

/** The combined value of `name` as a browser sees it: each line trimmed of SP/HTAB, joined with ", ". */
function combined(headers: HeaderMap, name: string): string | null {
  const lines = headers.getAll(name);
  return lines.length === 0 ? null : lines.map(trimOws).join(", ");
}

//   Fetch "CORS check": ACAO must equal the serialized request origin byte for byte, or be "*"
//   without credentials; with credentials ACAC must be exactly "true".
function corsCheck(headers: HeaderMap, origin: string, credentials: boolean): Failure | undefined {
  const allowOrigin = combined(headers, "access-control-allow-origin");
  if (allowOrigin === null) {
    return {
      reason: "missing-allow-origin",
      detail: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    };
  }
  if (allowOrigin === "*" && !credentials) return undefined;
  if (allowOrigin !== origin) {
    if (allowOrigin === "*") {
      return {
        reason: "wildcard-origin-with-credentials",
        detail:
          "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
      };
    }
    if (allowOrigin.includes(",")) {
      return {
        reason: "multiple-allow-origin",
        detail: `The 'Access-Control-Allow-Origin' header contains multiple values '${allowOrigin}', but only one is allowed.`,
      };
    }
    return {
      reason: "mismatched-allow-origin",
      detail: `The 'Access-Control-Allow-Origin' header has a value '${allowOrigin}' that is not equal to the supplied origin '${origin}'.`,
    };
  }
  if (!credentials) return undefined;
  const allowCredentials = combined(headers, "access-control-allow-credentials");
  if (allowCredentials === "true") return undefined;
  return {
    reason: "invalid-allow-credentials",
    detail: `The value of the 'Access-Control-Allow-Credentials' header in the response is '${allowCredentials ?? ""}' which must be 'true' when the request's credentials mode is 'include'.`,
  };
}

interface PreflightContext {
  readonly origin: string;
  readonly credentials: boolean;
  readonly method: string;
  readonly names: readonly string[];
  readonly authorization: boolean;
  readonly privateNetwork: boolean;
  readonly rules: EngineRules;
}

//   Fetch "CORS-preflight fetch", steps after the response: CORS check and ok status, PNA, then
//   the ACAM / ACAH lists (parsed line by line; one bad line fails), the method check, the
//   Authorization check and the header check. "*" is a wildcard only without credentials.
function checkPreflight(headers: HeaderMap, status: unknown, context: PreflightContext): Failure | undefined {
  const access = corsCheck(headers, context.origin, context.credentials);
  if (access !== undefined)
    return { reason: access.reason, detail: `Response to preflight request doesn't pass access control check: ${access.detail}` };
  if (!(typeof status === "number" && status >= 200 && status <= 299)) {
    return {
      reason: "unsuccessful-preflight",
      detail: "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    };
  }
  if (context.privateNetwork) {
    const allow = combined(headers, "access-control-allow-private-network");
    if (allow !== "true") {
      return allow === null
        ? {
            reason: "missing-allow-private-network",
            detail:
              "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `local` address space.",
          }
        : {
            reason: "invalid-allow-private-network",
            detail: `Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Private-Network' header has a value '${allow}' which is not equal to 'true'.`,
          };
    }
  }
  const methods = listValue(headers, "access-control-allow-methods", accessControlAllowMethodsHeader.parse);
  if (methods === "failure") {
    return {
      reason: "invalid-allow-methods",
      detail: "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
    };
  }
  const names = listValue(headers, "access-control-allow-headers", accessControlAllowHeadersHeader.parse);
  if (names === "failure") {
    return {
      reason: "invalid-allow-headers",
      detail: "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
    };
  }
  const { method, credentials } = context;
  const methodWildcard = !credentials && methods.includes("*");
  if (!methods.includes(method) && !isSafelistedMethod(method) && !methodWildcard) {
    return {
      reason: "disallowed-method",
      detail: `Method ${method} is not allowed by Access-Control-Allow-Methods in preflight response.`,
    };
  }
  const headerWildcard = !credentials && names.includes("*");
  if (
    context.authorization &&
    !names.includes("authorization") &&
    !(context.rules.wildcardCoversAuthorization && headerWildcard)
  ) {
    return {
      reason: "disallowed-header",
      detail:
        "Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response (a wildcard '*' does not cover Authorization).",
    };
  }
  const allowed = new Set(names);
  for (const name of context.names) {
    if (!allowed.has(name) && !headerWildcard) {
      return {
        reason: "disallowed-header",
        detail: `Request header field ${name} is not allowed by Access-Control-Allow-Headers in preflight response.`,
      };
    }
  }
  return undefined;
}

/** Fetch "extract header list values": null → [], a parse failure → "failure". */
function listValue(
  headers: HeaderMap,
  name: string,
  parse: (value: string | readonly string[]) => { ok: boolean; value?: readonly string[] },
): readonly string[] | "failure" {
  const lines = headers.getAll(name);
  if (lines.length === 0) return [];
  const result = parse(lines);
  return result.ok ? (result.value ?? []) : "failure";
}

/**
 * How long the preflight's result serves this request again. Chromium lets "*" cover
 * Authorization when it checks a preflight, but not when it looks the request up in its preflight
 * cache, so such a request is preflighted every time (EngineRules.wildcardAuthorizationUncached).
 */
function cachedFor(
  response: HeaderMap,
  headers: readonly (readonly [string, string])[],
  credentials: boolean,
  rules: EngineRules,
): number {
  if (rules.wildcardAuthorizationUncached && headers.some(([name]) => name === "authorization")) {
    const names = listValue(response, "access-control-allow-headers", accessControlAllowHeadersHeader.parse);
    if (names !== "failure" && !names.includes("authorization") && !credentials) return 0;
  }
  return Math.min(maxAge(response), rules.maxAgeCap);
}

//   The max-age a browser caches a successful preflight for: absent, invalid or more than one
//   line → 5 s (the default); a negative value → not cached (WPT and every engine, against the
//   spec text's 5 s). Engines may cap it (EngineRules.maxAgeCap).
function maxAge(headers: HeaderMap): number {
  const lines = headers.getAll("access-control-max-age");
  if (lines.length !== 1) return 5;
  const value = trimOws(lines[0] as string);
  if (value.length > 1 && value.charCodeAt(0) === 0x2d && scanDeltaSeconds(value, 1, value.length).ok) return 0;
  const seconds = scanDeltaSeconds(value, 0, value.length);
  if (!seconds.ok) return 5;
  return seconds.value;
}

//   The response header names the page can read: the CORS-safelisted response-header names and
//   the ACEH members ("*" = every name, only without credentials), never Set-Cookie(2). An invalid
//   list exposes nothing, unless the engine honours a "*" met before the first invalid member
//   (exposeWildcardDespiteInvalidList).
function exposedHeaders(headers: HeaderMap, credentials: boolean, rules: EngineRules): string[] {
  const listed = listValue(headers, "access-control-expose-headers", accessControlExposeHeadersHeader.parse);
  const exposed = new Set(listed === "failure" ? [] : listed);
  const wildcard =
    listed === "failure"
      ? rules.exposeWildcardDespiteInvalidList && hasWildcardMember(headers.getAll("access-control-expose-headers"))
      : exposed.has("*");
  const all = !credentials && wildcard;
  // A Set keeps this linear in the number of lines and of listed names.
  const names = new Set<string>();
  for (const [name] of headers) {
    if (name === "set-cookie" || name === "set-cookie2") continue;
    if (all || SAFELISTED_RESPONSE_HEADERS.has(name) || exposed.has(name)) names.add(name);
  }
  return [...names];
}

/** Whether a member of the comma-separated `lines` is "*", before any member that is not a token (empty ones are skipped). */
function hasWildcardMember(lines: readonly string[]): boolean {
  for (const member of lines.join(",").split(",")) {
    const name = trimOws(member);
    if (name === "*") return true;
    if (name !== "" && !isToken(name)) return false;
  }
  return false;
}

function blocked(stage: Stage, failure: Failure, preflight: PreflightInfo | null): CorsVerdict {
  return { ok: false, stage, reason: failure.reason, message: `Blocked by CORS policy: ${failure.detail}`, preflight };
}
