import type { FieldName } from "../syntax/field-name.js";
import type { Method } from "../syntax/method.js";
import { asLibraryError } from "../syntax/describe.js";
import { isToken } from "../syntax/token.js";
import { HeaderMap, trustedHeaderMap, type HeaderInput } from "../map/header-map.js";
import { parseHeader } from "../registry.js";
import { matchesPattern, parseOriginPattern, type OriginPattern } from "./origin-pattern.js";
import { isForbiddenMethod, isForbiddenRequestHeader, isSafelistedMethod } from "./request.js";

/**
 * Request header names a page can never set (the common ones of Fetch's forbidden request-header
 * names); listing one in `allowedHeaders` does not compile. The others are refused at
 * construction.
 *
 * @example
 * ```ts
 * // @ts-expect-error: pages cannot set Cookie
 * corsPolicy({ origins: ["https://app.example"], allowedHeaders: ["cookie"] });
 * ```
 * @public
 */
export type ForbiddenRequestHeaderName = "accept-encoding" | "cookie" | "date" | "origin" | "user-agent" | "content-length";

/**
 * Compile-time checks of `methods` and `allowedHeaders` literals: CONNECT and TRACE, and request
 * headers pages cannot set, do not compile (branded values are checked at runtime).
 *
 * @example
 * ```ts
 * // @ts-expect-error: TRACE is a forbidden method
 * corsPolicy({ origins: ["https://app.example"], methods: ["GET", "TRACE"] });
 * ```
 * @public
 */
export type CheckedList<List, Refused extends string, Why extends string> = List extends readonly unknown[]
  ? { readonly [K in keyof List]: [List[K]] extends [Refused] ? Why : List[K] }
  : List;

/**
 * What every policy configures, besides origins and credentials.
 *
 * @example
 * ```ts
 * corsPolicy({ origins: ["https://app.example"], maxAge: 600, privateNetwork: true });
 * ```
 * @public
 */
export interface CorsPolicyOptions {
  /** Seconds browsers may cache a preflight result: an integer from 0 to 86400. Omitted: no header (browsers use 5). */
  readonly maxAge?: number;
  /** Answer Private Network Access preflights with `Access-Control-Allow-Private-Network: true`. */
  readonly privateNetwork?: boolean;
}

/**
 * A policy that sends no credentials: `*` is allowed as the origins setting and in the lists.
 *
 * @example
 * ```ts
 * corsPolicy({ origins: "*", methods: ["GET", "PUT"], exposedHeaders: ["*"] });
 * ```
 * @public
 */
export interface AnonymousCorsPolicyConfig extends CorsPolicyOptions {
  /** Exact origins and structured patterns, or `"*"` for any origin. */
  readonly origins: "*" | readonly string[];
  /** Omitted or false: no `Access-Control-Allow-Credentials`. */
  readonly credentials?: false;
  /** Methods beyond GET, HEAD and POST; `"*"` allows any. */
  readonly methods?: readonly (Method | "*")[];
  /** Request headers beyond the CORS-safelisted ones; `"*"` allows any but Authorization. */
  readonly allowedHeaders?: readonly (FieldName | "*")[];
  /** Response headers pages may read beyond the safelisted ones; `"*"` exposes all. */
  readonly exposedHeaders?: readonly (FieldName | "*")[];
}

/**
 * A credentialed policy (`Access-Control-Allow-Credentials: true`): no `*` anywhere, because
 * browsers ignore or refuse wildcards with credentials.
 *
 * @example
 * ```ts
 * corsPolicy({
 *   origins: ["https://app.example", "https://*.app.example"],
 *   credentials: true,
 *   methods: ["GET", "PATCH"],
 *   allowedHeaders: ["content-type", "authorization"],
 * });
 * ```
 * @public
 */
export interface CredentialedCorsPolicyConfig extends CorsPolicyOptions {
  /** Exact origins and structured patterns; https or loopback unless `allowInsecureOrigins`. */
  readonly origins: readonly string[];
  /** Send `Access-Control-Allow-Credentials: true` (cookies and HTTP authentication). */
  readonly credentials: true;
  /** Methods beyond GET, HEAD and POST (no `"*"` with credentials). */
  readonly methods?: readonly Method[];
  /** Request headers beyond the CORS-safelisted ones (no `"*"` with credentials). */
  readonly allowedHeaders?: readonly FieldName[];
  /** Response headers pages may read beyond the safelisted ones (no `"*"` with credentials). */
  readonly exposedHeaders?: readonly FieldName[];
  /** Accept non-https, non-loopback origins with credentials (anyone on the path can forge them). */
  readonly allowInsecureOrigins?: boolean;
}

/**
 * The configuration of {@link corsPolicy}.
 *
 * @example
 * ```ts
 * const config = { origins: ["https://app.example"], credentials: true } as const satisfies CorsPolicyConfig;
 * const policy = corsPolicy(config);
 * ```
 * @public
 */
export type CorsPolicyConfig = AnonymousCorsPolicyConfig | CredentialedCorsPolicyConfig;

/**
 * Compile-time checks of configured origins: `null`, `file:`, paths or trailing slashes,
 * uppercase and strings without a scheme do not compile (non-literal strings are checked at
 * runtime).
 *
 * @example
 * ```ts
 * // @ts-expect-error: a serialized origin has no trailing slash
 * corsPolicy({ origins: ["https://app.example/"] });
 * ```
 * @public
 */
export type CheckedOrigins<Origins> = Origins extends "*"
  ? Origins
  : { readonly [K in keyof Origins]: Origins[K] extends string ? CheckedOrigin<Origins[K]> : Origins[K] };

type UppercaseLetter = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M" | "N" | "O" | "P" | "Q" | "R" | "S" | "T" | "U" | "V" | "W" | "X" | "Y" | "Z";

/**
 * `S` if it can be a configured origin, else an error message type.
 *
 * @example
 * ```ts
 * type A = CheckedOrigin<"https://app.example">;    // "https://app.example"
 * type B = CheckedOrigin<"https://App.example">;    // "origins: browsers send origins in lowercase"
 * ```
 * @public
 */
export type CheckedOrigin<S extends string> = string extends S
  ? S
  : S extends "null" | "*"
    ? `origins: "${S}" is refused`
    : S extends `file:${string}`
      ? "origins: file: origins are refused"
      : S extends `${string}://${infer Rest}`
        ? Rest extends `${string}/${string}`
          ? "origins: a serialized origin has no path or trailing slash"
          : S extends `${string}${UppercaseLetter}${string}`
            ? "origins: browsers send origins in lowercase"
            : S
        : "origins: expected scheme://host[:port]";

/**
 * Why a policy answered as it did.
 *
 * @remarks
 * `invalid-origin` (the Origin header does not parse), `disallowed-origin`, `invalid-method`,
 * `disallowed-method`, `invalid-request-headers` (ACRH does not parse), `oversized-request-headers` (ACRH over
 * 4096 characters or 64 names), `disallowed-header`, `disallowed-private-network`.
 *
 * @example
 * ```ts
 * const decision = policy.handle({ method: req.method, headers: req.headers });
 * if (!decision.allowed) log.info(`CORS refused: ${decision.reason}`);   // e.g. "disallowed-origin"
 * ```
 * @public
 */
export type CorsDecisionReason =
  | "invalid-origin"
  | "disallowed-origin"
  | "invalid-method"
  | "disallowed-method"
  | "invalid-request-headers"
  | "oversized-request-headers"
  | "disallowed-header"
  | "disallowed-private-network";

/**
 * What a policy decided for one request, and the response headers to send.
 *
 * @example
 * ```ts
 * const decision = policy.handle({ method: "OPTIONS", headers: req.headers });
 * if (decision.kind === "preflight") res.writeHead(decision.status ?? 204, decision.headers.toObject()).end();
 * ```
 * @public
 */
export interface CorsDecision {
  /** `preflight`: OPTIONS with Origin and Access-Control-Request-Method; `actual`: has Origin; `none`: no Origin. */
  readonly kind: "preflight" | "actual" | "none";
  /** Whether the request is allowed (always true for `none`). */
  readonly allowed: boolean;
  /** For preflights: 204 when allowed, 403 when refused (and then no CORS headers). */
  readonly status?: number;
  /** Response headers to send; merge `vary` into any Vary the response already has. */
  readonly headers: HeaderMap;
  /** Why the request was refused. */
  readonly reason?: CorsDecisionReason;
}

/**
 * A compiled CORS policy.
 *
 * @example
 * ```ts
 * const policy = corsPolicy({ origins: ["https://app.example"] });
 * const decision = policy.handle({ method: req.method, headers: req.headers });
 * ```
 * @public
 */
export interface CorsPolicy {
  /** Decides on one request from its method and headers (anything `HeaderMap.from` accepts). */
  handle(request: { readonly method: string; readonly headers: HeaderInput }): CorsDecision;
}

const MAX_ACRH_LENGTH = 4096;
const MAX_ACRH_NAMES = 64;
const MAX_ORIGIN_LENGTH = 2048;
const KNOWN_KEYS = new Set(["origins", "credentials", "methods", "allowedHeaders", "exposedHeaders", "maxAge", "privateNetwork", "allowInsecureOrigins"]);

/**
 * Builds a CORS policy: the server's side of CORS as a pure function from request headers to a
 * decision and response headers. Configurations browsers would reject or that are unsafe do not
 * compile where types can say so, and throw a `TypeError` listing every problem otherwise.
 *
 * @example
 * ```ts
 * const policy = corsPolicy({
 *   origins: ["https://app.example.com", "https://*.preview.example.com", "http://localhost:*"],
 *   credentials: true,
 *   methods: ["GET", "POST", "DELETE"],
 *   allowedHeaders: ["content-type", "authorization"],
 *   maxAge: 600,
 * });
 * const decision = policy.handle({ method: req.method, headers: req.headers });
 * ```
 * @public
 */
export function corsPolicy<const Config extends CorsPolicyConfig>(
  config: Config & {
    readonly origins: CheckedOrigins<Config["origins"]>;
    readonly methods?: CheckedList<Config["methods"], "CONNECT" | "TRACE", "methods: CONNECT and TRACE are forbidden">;
    readonly allowedHeaders?: CheckedList<Config["allowedHeaders"], ForbiddenRequestHeaderName, "allowedHeaders: pages cannot set this header">;
  },
): CorsPolicy {
  try {
    return compile(config as CorsPolicyConfig);
  } catch (error) {
    // A configuration's getter, iterator or Proxy may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "corsPolicy: the configuration");
  }
}

interface Compiled {
  readonly anyOrigin: boolean;
  readonly exact: ReadonlySet<string>;
  readonly patterns: readonly OriginPattern[];
  readonly credentials: boolean;
  readonly methods: ReadonlySet<string>;
  readonly anyMethod: boolean;
  readonly headers: ReadonlySet<string>;
  readonly anyHeader: boolean;
  readonly privateNetwork: boolean;
  /** Precomputed response header values. */
  readonly allowMethods: string | undefined;
  readonly allowHeaders: string | undefined;
  readonly exposeHeaders: string | undefined;
  readonly maxAge: string | undefined;
  /** Answers for recent Access-Control-Request-Headers values (see checkRequestHeaders). */
  readonly acrhMemo: Map<string, CorsDecisionReason | "allowed">;
}

function compile(input: CorsPolicyConfig): CorsPolicy {
  const problems: string[] = [];
  if (input === null || typeof input !== "object") throw new TypeError("typed-headers: corsPolicy expects a configuration object.");
  // Each setting is read once: a getter cannot answer one thing to the checks and another later.
  const config = { ...input };
  for (const key of Object.keys(config)) if (!KNOWN_KEYS.has(key)) problems.push(`${key}: not a corsPolicy option.`);
  const credentials = config.credentials === true;
  if (config.credentials !== undefined && typeof config.credentials !== "boolean") problems.push("credentials: expected true or false.");
  const allowInsecure = credentials && (config as CredentialedCorsPolicyConfig).allowInsecureOrigins === true;

  // Origins.
  const anyOrigin = config.origins === "*";
  const exact = new Set<string>();
  const patterns: OriginPattern[] = [];
  if (anyOrigin) {
    if (credentials) problems.push('origins: "*" with credentials is refused: browsers reject it, and reflecting any origin would let every site read credentialed responses.');
  } else if (!Array.isArray(config.origins)) {
    problems.push('origins: expected "*" or an array of origins and patterns.');
  } else if (config.origins.length === 0) {
    problems.push("origins: the list is empty, so no request could ever be allowed.");
  } else {
    for (const source of config.origins as readonly unknown[]) {
      const parsed = parseOriginPattern(source, credentials, allowInsecure);
      if (!parsed.ok) problems.push(parsed.problem);
      else if (!parsed.pattern.subdomains && parsed.pattern.port !== "*") exact.add(parsed.pattern.source);
      else patterns.push(parsed.pattern);
    }
  }

  // Methods, request headers, exposed headers.
  const read = (key: ListKey, what: string, check: (name: string) => string | undefined) =>
    readList(config[key], key, what, credentials, problems, check);
  const methodList = read("methods", "a method", (method) =>
    isForbiddenMethod(method) ? `${method} is a forbidden method; browsers never send it.` : undefined,
  );
  const headerList = read("allowedHeaders", "a header name", (name) =>
    isForbiddenRequestHeader(name.toLowerCase(), "")
      ? `${name} is a forbidden request header; pages cannot set it.`
      : name.toLowerCase().startsWith("access-control-")
        ? `${name} is a CORS header, which pages never send.`
        : undefined,
  );
  const exposedList = read("exposedHeaders", "a header name", (name) =>
    /^set-cookie2?$/i.test(name)
      ? `${name} is never exposed by browsers; listing it is a mistake.`
      : name.toLowerCase().startsWith("access-control-")
        ? `${name} is a CORS header.`
        : undefined,
  );
  const methods = new Set(methodList.names.filter((method) => !isSafelistedMethod(method)));
  const anyMethod = methodList.wildcard;
  const headers = new Set(headerList.names.map((name) => name.toLowerCase()));
  const anyHeader = headerList.wildcard;
  const exposed = new Set(exposedList.names.map((name) => name.toLowerCase()));
  if (exposedList.wildcard) exposed.add("*");
  const { maxAge, privateNetwork } = config;
  if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0 && maxAge <= 86400)) {
    problems.push(`maxAge: ${String(maxAge)} is not an integer from 0 to 86400 (browsers cap it anyway: Chromium at 7200).`);
  }
  if (privateNetwork !== undefined && typeof privateNetwork !== "boolean") problems.push("privateNetwork: expected true or false.");
  if (problems.length > 0) {
    throw new TypeError(`typed-headers: corsPolicy: ${problems.length} problem${problems.length > 1 ? "s" : ""}:\n- ${problems.join("\n- ")}`);
  }

  // "*" does not cover Authorization in browsers that follow the standard: list it explicitly.
  const allowHeaderList = anyHeader ? ["*", ...headers] : [...headers];
  const compiled: Compiled = {
    anyOrigin,
    exact,
    patterns,
    credentials,
    methods,
    anyMethod,
    headers,
    anyHeader,
    privateNetwork: privateNetwork === true,
    allowMethods: anyMethod ? "*" : methods.size > 0 ? [...methods].join(", ") : undefined,
    allowHeaders: allowHeaderList.length > 0 ? allowHeaderList.join(", ") : undefined,
    exposeHeaders: exposed.size > 0 ? [...exposed].join(", ") : undefined,
    maxAge: maxAge === undefined ? undefined : String(maxAge),
    acrhMemo: new Map(),
  };
  return {
    handle(request) {
      let snapshot: { readonly method: string; readonly headers: HeaderInput };
      try {
        const { method, headers } = request;
        snapshot = { method, headers };
      } catch (error) {
        throw asLibraryError(error, "policy.handle: the request");
      }
      return decide(compiled, snapshot);
    },
  };
}

type ListKey = "methods" | "allowedHeaders" | "exposedHeaders";

/**
 * Reads one of the configured name lists: `"*"` (refused with credentials, where browsers take it
 * literally), then tokens that pass `check` (which returns a problem, or undefined).
 */
function readList(
  value: unknown,
  key: ListKey,
  what: string,
  credentials: boolean,
  problems: string[],
  check: (name: string) => string | undefined,
): { names: string[]; wildcard: boolean } {
  const names: string[] = [];
  let wildcard = false;
  if (value === undefined) return { names, wildcard };
  if (!Array.isArray(value)) {
    problems.push(`${key}: expected an array.`);
    return { names, wildcard };
  }
  for (const name of value as readonly unknown[]) {
    if (name === "*") {
      if (credentials) problems.push(`${key}: "*" with credentials is refused: browsers treat it as a name literally "*".`);
      wildcard = true;
      continue;
    }
    const problem = typeof name !== "string" || !isToken(name) ? `${JSON.stringify(name)} is not ${what} (a token).` : check(name);
    if (problem === undefined) names.push(name as string);
    else problems.push(`${key}: ${problem}`);
  }
  return { names, wildcard };
}

// Vary lists every request header the answer depends on. A preflight's answer always depends on
// ACRM (an invalid or unlisted method is refused), ACRH (Access-Control-Allow-Headers is sent only
// when it is present, and unlisted names are refused) and the private-network request header
// (refused when privateNetwork is off, answered when on), whatever the configuration; on Origin
// unless origins is "*".
const VARY_ORIGIN = "origin";
const VARY_PREFLIGHT_ANY_ORIGIN = "access-control-request-method, access-control-request-headers, access-control-request-private-network";
const VARY_PREFLIGHT = `${VARY_ORIGIN}, ${VARY_PREFLIGHT_ANY_ORIGIN}`;

//   A decision, from the request's Origin, method, ACRM, ACRH and ACRPN. The response headers are
//   the policy's own precomputed strings (and the validated origin), so the decision's map owns
//   them without checking them again.
function decide(policy: Compiled, request: { readonly method: string; readonly headers: HeaderInput }): CorsDecision {
  const incoming = HeaderMap.from(request.headers);
  const originLine = incoming.getRaw("origin");
  const acrm = originLine === null ? null : incoming.getRaw("access-control-request-method");
  const preflight = request.method === "OPTIONS" && acrm !== null;
  const names: string[] = [];
  const values: string[] = [];
  const vary = preflight ? (policy.anyOrigin ? VARY_PREFLIGHT_ANY_ORIGIN : VARY_PREFLIGHT) : policy.anyOrigin ? undefined : VARY_ORIGIN;
  if (vary !== undefined) add(names, values, "vary", vary);

  if (originLine === null) {
    // Not a CORS request. A "*" policy answers every response the same way, so it says so.
    if (policy.anyOrigin) addActualHeaders(policy, names, values, "*");
    return { kind: "none", allowed: true, headers: trustedHeaderMap(names, values) };
  }
  const refuse = (reason: CorsDecisionReason): CorsDecision =>
    preflight
      ? { kind: "preflight", allowed: false, status: 403, headers: trustedHeaderMap(names, values), reason }
      : { kind: "actual", allowed: false, headers: trustedHeaderMap(names, values), reason };

  let allowOrigin = "*";
  if (!policy.anyOrigin) {
    // An exact configured origin was validated at construction: the common case needs no parsing.
    if (policy.exact.has(originLine)) allowOrigin = originLine;
    else {
      const origin = originLine.length > MAX_ORIGIN_LENGTH ? undefined : parseHeader("origin", originLine);
      if (origin === undefined || !origin.ok) return refuse("invalid-origin");
      if (!originAllowed(policy, origin.value)) return refuse("disallowed-origin");
      allowOrigin = origin.value;
    }
  }
  if (!preflight) {
    addActualHeaders(policy, names, values, allowOrigin);
    return { kind: "actual", allowed: true, headers: trustedHeaderMap(names, values) };
  }

  if (!policy.methods.has(acrm)) {
    const method = parseHeader("access-control-request-method", acrm);
    if (!method.ok) return refuse("invalid-method");
    if (!isSafelistedMethod(method.value) && !policy.anyMethod && !policy.methods.has(method.value)) return refuse("disallowed-method");
  }
  // One read of each header (Fetch Headers reads are not cheap); list members are the same in
  // the combined value as in the separate lines.
  const acrh = incoming.getRaw("access-control-request-headers");
  if (acrh !== null) {
    const refusal = checkRequestHeaders(policy, acrh);
    if (refusal !== undefined) return refuse(refusal);
  }
  const pna = incoming.has("access-control-request-private-network");
  if (pna && !policy.privateNetwork) return refuse("disallowed-private-network");

  add(names, values, "access-control-allow-origin", allowOrigin);
  if (policy.credentials) add(names, values, "access-control-allow-credentials", "true");
  if (policy.allowMethods !== undefined) add(names, values, "access-control-allow-methods", policy.allowMethods);
  if (policy.allowHeaders !== undefined && acrh !== null) add(names, values, "access-control-allow-headers", policy.allowHeaders);
  if (policy.maxAge !== undefined) add(names, values, "access-control-max-age", policy.maxAge);
  if (pna) add(names, values, "access-control-allow-private-network", "true");
  return { kind: "preflight", allowed: true, status: 204, headers: trustedHeaderMap(names, values) };
}

/**
 * Why the requested header names are refused, or undefined. Browsers send the same few ACRH
 * values again and again, so the answers for the last 256 distinct values are kept (bounded:
 * the memo is cleared when full).
 */
function checkRequestHeaders(policy: Compiled, acrh: string): CorsDecisionReason | undefined {
  const memo = policy.acrhMemo;
  const known = memo.get(acrh);
  if (known !== undefined) return known === "allowed" ? undefined : known;
  let answer: CorsDecisionReason | "allowed" = "allowed";
  if (acrh.length > MAX_ACRH_LENGTH) return "oversized-request-headers";
  const requested = parseHeader("access-control-request-headers", acrh);
  if (!requested.ok) answer = requested.error.code === "empty-list" ? "disallowed-header" : "invalid-request-headers";
  else if (requested.value.length > MAX_ACRH_NAMES) answer = "oversized-request-headers";
  else {
    for (const name of requested.value) {
      if (!policy.headers.has(name) && !(policy.anyHeader && name !== "authorization")) answer = "disallowed-header";
    }
  }
  if (memo.size >= 256) memo.clear();
  memo.set(acrh, answer);
  return answer === "allowed" ? undefined : answer;
}

function add(names: string[], values: string[], name: string, value: string): void {
  names.push(name);
  values.push(value);
}

function addActualHeaders(policy: Compiled, names: string[], values: string[], allowOrigin: string): void {
  add(names, values, "access-control-allow-origin", allowOrigin);
  if (policy.credentials) add(names, values, "access-control-allow-credentials", "true");
  if (policy.exposeHeaders !== undefined) add(names, values, "access-control-expose-headers", policy.exposeHeaders);
}

function originAllowed(policy: Compiled, origin: string): boolean {
  if (policy.exact.has(origin)) return true;
  for (const pattern of policy.patterns) if (matchesPattern(origin, pattern)) return true;
  return false;
}
