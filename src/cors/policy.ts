import type { FieldName } from "../syntax/field-name.js";
import type { Method } from "../syntax/method.js";
import { asLibraryError } from "../syntax/describe.js";
import { isToken } from "../syntax/token.js";
import { HeaderMap, trustedHeaderMap, type HeaderInput } from "../map/header-map.js";
import { pickedNames, pickRecordLines } from "../map/pick-lines.js";
import { parseHeader } from "../registry.js";
import type { Origin } from "../syntax/serialized-origin.js";
import { isHttpsOrLoopback, matchesPattern, parseOriginPattern, type OriginPattern } from "./origin-pattern.js";
import type { CheckedCorsPolicyConfig, CorsPolicyConfigCandidate } from "./config-checks.js";
import { CorsConfigError, type CorsConfigProblem } from "./config-error.js";
import { isForbiddenMethod, isForbiddenRequestHeader, isSafelistedMethod, normalizeMethod } from "./request.js";

/**
 * A dynamic origin check, for servers whose allowed origins live in a database (multi-tenant
 * servers): `allow` is called with the request's `Origin` only when it is a valid serialized
 * origin — never `null`, never unparsed text, and with credentials never a non-https,
 * non-loopback origin (unless `allowInsecureOrigins`). It answers `true` or `false`, or a promise
 * of one; a policy built with it answers every response with `Vary: Origin`, and its `handle`
 * returns a promise.
 *
 * @example
 * ```ts
 * const tenants = new Set(["https://a.example", "https://b.example"]);
 * const policy = corsPolicy({
 *   origins: { allow: async (origin) => tenants.has(origin) },
 *   credentials: true,
 * });
 * const decision = await policy.handle({ method: req.method ?? "GET", headers: req.headers });
 * ```
 * @public
 */
export interface DynamicOrigins {
  /** Whether `origin` may read responses: `true` or `false`, or a promise of one. */
  allow(origin: Origin): boolean | Promise<boolean>;
}

/**
 * The configuration of {@link corsPolicy}. Written as a literal, every refused value fails to
 * compile with an explanation (see {@link CheckedCorsPolicyConfig}); held in a variable (strings,
 * `boolean` credentials, lists read from the environment) it compiles and is checked when the
 * policy is built.
 *
 * @example
 * ```ts
 * const config: CorsPolicyConfig = {
 *   origins: (process.env.CORS_ORIGINS ?? "https://app.example").split(","),
 *   credentials: process.env.CORS_CREDENTIALS === "true",
 *   allowedHeaders: ["content-type", "x-total-count"],
 * };
 * const policy = corsPolicy(config);
 * ```
 * @public
 */
export interface CorsPolicyConfig {
  /**
   * Exact origins and structured patterns (`https://*.example.com`, `http://localhost:*`), or
   * `"*"` for any origin (without credentials). With credentials: https or loopback unless
   * `allowInsecureOrigins`.
   */
  readonly origins: "*" | readonly string[];
  /** Send `Access-Control-Allow-Credentials: true` (cookies and HTTP authentication); then no `"*"` anywhere. */
  readonly credentials?: boolean;
  /**
   * Methods beyond GET, HEAD and POST, case-sensitive as in HTTP, except that `delete`, `get`,
   * `head`, `options`, `post` and `put` in any case mean the uppercase method (browsers uppercase
   * them); `"*"` allows any (without credentials).
   */
  readonly methods?: readonly (Method | "*" | (string & {}))[];
  /** Request headers beyond the CORS-safelisted ones, in any case; `"*"` allows any but Authorization (without credentials). */
  readonly allowedHeaders?: readonly (FieldName | "*" | (string & {}))[];
  /** Response headers pages may read beyond the safelisted ones, in any case; `"*"` exposes all (without credentials). */
  readonly exposedHeaders?: readonly (FieldName | "*" | (string & {}))[];
  /** Seconds browsers may cache a preflight result: an integer from 0 to 86400. Omitted: no header (browsers use 5). */
  readonly maxAge?: number;
  /** Answer Private Network Access preflights with `Access-Control-Allow-Private-Network: true`. */
  readonly privateNetwork?: boolean;
  /** Accept non-https, non-loopback origins with credentials (anyone on the network path can impersonate them). */
  readonly allowInsecureOrigins?: boolean;
  /**
   * For development only: a refused request's response says why in an `X-CORS-Refused` header
   * (`disallowed-method: the method is not in methods`), visible in the browser's network panel.
   * Off by default; it tells every caller how the policy is configured.
   */
  readonly explain?: boolean;
}

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
 * const decision = policy.handle({ method: request.method, headers: request.headers });   // a Fetch Request
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
 * const decision = policy.handle({ method: request.method, headers: request.headers });   // a Fetch Request
 * ```
 * @public
 */
export interface CorsPolicy {
  /** Decides on one request from its method and headers (anything `HeaderMap.from` accepts). */
  handle(request: { readonly method: string; readonly headers: HeaderInput }): CorsDecision;
}

/**
 * The configuration of a policy with {@link DynamicOrigins}: every setting of
 * {@link CorsPolicyConfig}, with `origins` a dynamic check.
 *
 * @example
 * ```ts
 * const config: DynamicCorsPolicyConfig = { origins: { allow: (origin) => origin.endsWith(".tenant.example") }, credentials: true };
 * const policy = corsPolicy(config);   // a DynamicCorsPolicy
 * ```
 * @public
 */
export interface DynamicCorsPolicyConfig extends Omit<CorsPolicyConfig, "origins"> {
  /** Asked about each request's valid, non-null origin (with credentials, a secure one). */
  readonly origins: DynamicOrigins;
}

/**
 * A compiled CORS policy with {@link DynamicOrigins}: `handle` returns a promise, which rejects
 * when `origins.allow` throws or rejects.
 *
 * @example
 * ```ts
 * const tenantOrigins = new Set(["https://a.example"]);
 * const policy = corsPolicy({ origins: { allow: (origin) => tenantOrigins.has(origin) } });
 * const decision = await policy.handle({ method: req.method ?? "GET", headers: req.headers });
 * ```
 * @public
 */
export interface DynamicCorsPolicy {
  /** Decides on one request from its method and headers (anything `HeaderMap.from` accepts). */
  handle(request: { readonly method: string; readonly headers: HeaderInput }): Promise<CorsDecision>;
}

/**
 * What {@link corsPolicy} returns for a configuration: a {@link DynamicCorsPolicy} for dynamic
 * origins, a {@link CorsPolicy} for static ones (and for `never`, the type of a configuration
 * cast away), either when the type does not say.
 *
 * @example
 * ```ts
 * type P = CorsPolicyFor<{ origins: DynamicOrigins }>;   // DynamicCorsPolicy
 * ```
 * @public
 */
export type CorsPolicyFor<Config> = [Config] extends [never]
  ? CorsPolicy
  : Config extends { readonly origins: infer Origins }
    ? [Origins] extends [DynamicOrigins]
      ? DynamicCorsPolicy
      : [DynamicOrigins] extends [Origins]
        ? CorsPolicy | DynamicCorsPolicy
        : CorsPolicy
    : CorsPolicy;

const MAX_ACRH_LENGTH = 4096;
const MAX_ACRH_NAMES = 64;
const MAX_ORIGIN_LENGTH = 2048;
const KNOWN_KEYS = new Set([
  "origins",
  "credentials",
  "methods",
  "allowedHeaders",
  "exposedHeaders",
  "maxAge",
  "privateNetwork",
  "allowInsecureOrigins",
  "explain",
]);

/**
 * Builds a CORS policy: the server's side of CORS as a pure function from request headers to a
 * decision and response headers. Configurations browsers would reject or that are unsafe do not
 * compile where types can say so, with an error that says what to write instead, and throw a
 * {@link CorsConfigError} listing every problem otherwise.
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
 * const decision = policy.handle({ method: request.method, headers: request.headers });   // a Fetch Request
 * ```
 * @public
 */
export function corsPolicy<const Config extends CorsPolicyConfigCandidate>(
  config: CheckedCorsPolicyConfig<Config>,
): CorsPolicyFor<Config> {
  try {
    return compile(config as unknown as CorsPolicyConfig | DynamicCorsPolicyConfig) as CorsPolicyFor<Config>;
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
  readonly explain: boolean;
  /** Precomputed response header values. */
  readonly allowMethods: string | undefined;
  readonly allowHeaders: string | undefined;
  readonly exposeHeaders: string | undefined;
  readonly maxAge: string | undefined;
  /** Answers for recent Access-Control-Request-Headers values (see checkRequestHeaders). */
  readonly acrhMemo: Map<string, CorsDecisionReason | "allowed">;
  /** The dynamic check (`origins.allow`, read once) and its object, or undefined. */
  readonly allow: DynamicOrigins["allow"] | undefined;
  readonly allowThis: DynamicOrigins | undefined;
  /** With credentials and without allowInsecureOrigins: only https and loopback origins reach `allow`. */
  readonly secureOnly: boolean;
}

function compile(input: CorsPolicyConfig | DynamicCorsPolicyConfig): CorsPolicy | DynamicCorsPolicy {
  const problems: CorsConfigProblem[] = [];
  const problem = (setting: string, value: unknown, reason: string) => problems.push({ setting, value, reason });
  if (input === null || typeof input !== "object")
    throw new TypeError("typed-headers: corsPolicy expects a configuration object.");
  // Each setting is read once: a getter cannot answer one thing to the checks and another later.
  const config = { ...input };
  for (const key of Object.keys(config))
    if (!KNOWN_KEYS.has(key)) problem(key, (config as unknown as Record<string, unknown>)[key], "not a corsPolicy option.");
  const credentials = config.credentials === true;
  if (config.credentials !== undefined && typeof config.credentials !== "boolean")
    problem("credentials", config.credentials, "expected true or false.");
  const allowInsecure = credentials && config.allowInsecureOrigins === true;

  // Origins.
  const anyOrigin = config.origins === "*";
  const exact = new Set<string>();
  const patterns: OriginPattern[] = [];
  let allowThis: DynamicOrigins | undefined;
  let allow: DynamicOrigins["allow"] | undefined;
  if (isDynamic(config.origins)) {
    allowThis = config.origins;
    allow = allowThis.allow;
    if (typeof allow !== "function")
      problem(
        "origins",
        config.origins,
        'expected an array of origins and patterns, "*", or { allow(origin) } with allow a function.',
      );
  } else if (anyOrigin) {
    if (credentials)
      problem(
        "origins",
        "*",
        '"*" with credentials is refused: browsers reject it, and reflecting any origin would let every site read credentialed responses.',
      );
  } else if (!Array.isArray(config.origins)) {
    problem("origins", config.origins, 'expected "*" or an array of origins and patterns.');
  } else if (config.origins.length === 0) {
    problem("origins", config.origins, "the list is empty, so no request could ever be allowed.");
  } else {
    for (const source of config.origins as readonly unknown[]) {
      const parsed = parseOriginPattern(source, credentials, allowInsecure);
      if (!parsed.ok) problem("origins", source, parsed.problem);
      else if (!parsed.pattern.subdomains && parsed.pattern.port !== "*") exact.add(parsed.pattern.source);
      else patterns.push(parsed.pattern);
    }
  }

  // Methods, request headers, exposed headers.
  const read = (key: ListKey, what: string, check: (name: string) => string | undefined) =>
    readList(config[key], key, what, credentials, problem, check);
  const methodList = read("methods", "a method", (method) =>
    isForbiddenMethod(method)
      ? `${method} is a forbidden method; browsers never send it.`
      : method !== "PATCH" && method.toUpperCase() === "PATCH"
        ? `${method}: browsers send the method as the page wrote it, and pages write PATCH (methods are case-sensitive); write "PATCH".`
        : undefined,
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
  // "get", "put"…: browsers uppercase these six in any case (Fetch "normalize a method"), so
  // that is what a lowercase one in the configuration can only mean.
  const methods = new Set(methodList.names.map(normalizeMethod).filter((method) => !isSafelistedMethod(method)));
  const anyMethod = methodList.wildcard;
  const headers = new Set(headerList.names.map((name) => name.toLowerCase()));
  const anyHeader = headerList.wildcard;
  const exposed = new Set(exposedList.names.map((name) => name.toLowerCase()));
  if (exposedList.wildcard) exposed.add("*");
  const { maxAge, privateNetwork, explain } = config;
  if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0 && maxAge <= 86400)) {
    problem("maxAge", maxAge, `${shown(maxAge)} is not an integer from 0 to 86400 (browsers cap it anyway: Chromium at 7200).`);
  }
  if (privateNetwork !== undefined && typeof privateNetwork !== "boolean")
    problem("privateNetwork", privateNetwork, "expected true or false.");
  if (explain !== undefined && typeof explain !== "boolean") problem("explain", explain, "expected true or false.");
  if (problems.length > 0) throw new CorsConfigError(problems);

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
    explain: explain === true,
    allowMethods: anyMethod ? "*" : methods.size > 0 ? [...methods].join(", ") : undefined,
    allowHeaders: allowHeaderList.length > 0 ? allowHeaderList.join(", ") : undefined,
    exposeHeaders: exposed.size > 0 ? [...exposed].join(", ") : undefined,
    maxAge: maxAge === undefined ? undefined : String(maxAge),
    acrhMemo: new Map(),
    allow,
    allowThis,
    secureOnly: credentials && !allowInsecure,
  };
  if (allow === undefined) return { handle: (request) => decide(compiled, readRequest(request), false) };
  return { handle: (request) => decideDynamic(compiled, allow, readRequest(request)) };
}

/** The request's method and headers, each read once; a getter that throws becomes the library's TypeError. */
function readRequest(request: { readonly method: string; readonly headers: HeaderInput }): {
  readonly method: string;
  readonly headers: HeaderInput;
} {
  try {
    const { method, headers } = request;
    return { method, headers };
  } catch (error) {
    throw asLibraryError(error, "policy.handle: the request");
  }
}

/** Whether a configured `origins` is a dynamic check (an object that is not an array). */
function isDynamic(origins: unknown): origins is DynamicOrigins {
  return typeof origins === "object" && origins !== null && !Array.isArray(origins);
}

/**
 * The decision of a policy with dynamic origins: the request's headers are read once, `allow` is
 * asked about a valid, non-null origin (and with credentials only a secure one), and the rest is
 * the static decision with its answer.
 */
async function decideDynamic(
  policy: Compiled,
  allow: DynamicOrigins["allow"],
  request: { readonly method: string; readonly headers: HeaderInput },
): Promise<CorsDecision> {
  if (request?.headers == null) throw new TypeError(MISSING_HEADERS);
  const snapshot = { method: request.method, headers: HeaderMap.from(request.headers) };
  const line = snapshot.headers.getRaw("origin");
  const origin = line === null || line.length > MAX_ORIGIN_LENGTH ? undefined : parseHeader("origin", line);
  let allowed = false;
  if (origin?.ok && origin.value !== "null" && (!policy.secureOnly || isHttpsOrLoopback(origin.value))) {
    const answer: unknown = await allow.call(policy.allowThis, origin.value as Origin);
    if (typeof answer !== "boolean") {
      throw new TypeError(
        `typed-headers: corsPolicy: origins.allow must answer true or false (or a promise of one), not ${typeof answer}.`,
      );
    }
    allowed = answer;
  }
  return decide(policy, snapshot, allowed);
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
  problem: (setting: string, value: unknown, reason: string) => void,
  check: (name: string) => string | undefined,
): { names: string[]; wildcard: boolean } {
  const names: string[] = [];
  let wildcard = false;
  if (value === undefined) return { names, wildcard };
  if (!Array.isArray(value)) {
    problem(key, value, "expected an array.");
    return { names, wildcard };
  }
  for (const name of value as readonly unknown[]) {
    if (name === "*") {
      if (credentials) problem(key, name, '"*" with credentials is refused: browsers treat it as a name literally "*".');
      wildcard = true;
      continue;
    }
    const reason = typeof name !== "string" || !isToken(name) ? `${shown(name)} is not ${what} (a token).` : check(name);
    if (reason === undefined) names.push(name as string);
    else problem(key, name, reason);
  }
  return { names, wildcard };
}

/** The `X-CORS-Refused` text of the `explain` option: what the request lacked, never what it sent. */
const EXPLANATIONS: Record<CorsDecisionReason, string> = {
  "invalid-origin": "the Origin header is not a serialized origin",
  "disallowed-origin": "the origin is not in origins",
  "invalid-method": "Access-Control-Request-Method is not a method",
  "disallowed-method": "the method is not in methods",
  "invalid-request-headers": "Access-Control-Request-Headers is not a list of header names",
  "oversized-request-headers": "Access-Control-Request-Headers is over 4096 characters or 64 names",
  "disallowed-header": "a requested header is not in allowedHeaders",
  "disallowed-private-network": "privateNetwork is not enabled",
};

const MISSING_HEADERS =
  "typed-headers: policy.handle expects { method, headers } with the request's headers: pass req.headers (node:http), request.headers (Fetch), or c.req.raw to fetchCors (Hono).";

// Vary lists every request header the answer depends on. A preflight's answer always depends on
// ACRM (an invalid or unlisted method is refused), ACRH (Access-Control-Allow-Headers is sent only
// when it is present, and unlisted names are refused) and the private-network request header
// (refused when privateNetwork is off, answered when on), whatever the configuration; on Origin
// unless origins is "*".
const VARY_ORIGIN = "origin";
const VARY_PREFLIGHT_ANY_ORIGIN =
  "access-control-request-method, access-control-request-headers, access-control-request-private-network";
const VARY_PREFLIGHT = `${VARY_ORIGIN}, ${VARY_PREFLIGHT_ANY_ORIGIN}`;

//   A decision, from the request's Origin, method, ACRM, ACRH and ACRPN. The response headers are
//   the policy's own precomputed strings (and the validated origin), so the decision's map owns
//   them without checking them again. `dynamicAllowed` is the dynamic check's answer about this
//   request's origin (false for static policies).
function decide(
  policy: Compiled,
  request: { readonly method: string; readonly headers: HeaderInput },
  dynamicAllowed: boolean,
): CorsDecision {
  // Missing headers would read as a request without Origin, answered "not CORS" in silence.
  if (request?.headers == null) throw new TypeError(MISSING_HEADERS);
  // Node's req.headers: the four request headers in one walk; anything else through a HeaderMap,
  // read lazily (a Fetch Headers read is not cheap, and most requests stop after Origin).
  const picked = pickRecordLines(request.headers, CORS_REQUEST_NAMES, [undefined, undefined, undefined, undefined]);
  const incoming = picked === undefined ? HeaderMap.from(request.headers) : undefined;
  const originLine = requestLine(picked, incoming, 0);
  const acrm = originLine === null ? null : requestLine(picked, incoming, 1);
  const preflight = request.method === "OPTIONS" && acrm !== null;
  const names: string[] = [];
  const values: string[] = [];
  const vary = preflight
    ? policy.anyOrigin
      ? VARY_PREFLIGHT_ANY_ORIGIN
      : VARY_PREFLIGHT
    : policy.anyOrigin
      ? undefined
      : VARY_ORIGIN;
  if (vary !== undefined) add(names, values, "vary", vary);

  if (originLine === null) {
    // Not a CORS request. A "*" policy answers every response the same way, so it says so.
    if (policy.anyOrigin) addActualHeaders(policy, names, values, "*");
    return { kind: "none", allowed: true, headers: trustedHeaderMap(names, values) };
  }
  const refuse = (reason: CorsDecisionReason): CorsDecision => {
    if (policy.explain) add(names, values, "x-cors-refused", `${reason}: ${EXPLANATIONS[reason]}`);
    return preflight
      ? { kind: "preflight", allowed: false, status: 403, headers: trustedHeaderMap(names, values), reason }
      : { kind: "actual", allowed: false, headers: trustedHeaderMap(names, values), reason };
  };

  let allowOrigin = "*";
  if (!policy.anyOrigin) {
    // An exact configured origin was validated at construction: the common case needs no parsing.
    if (policy.exact.has(originLine)) allowOrigin = originLine;
    else {
      const origin = originLine.length > MAX_ORIGIN_LENGTH ? undefined : parseHeader("origin", originLine);
      if (origin === undefined || !origin.ok) return refuse("invalid-origin");
      if (!(policy.allow === undefined ? originAllowed(policy, origin.value) : dynamicAllowed))
        return refuse("disallowed-origin");
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
    if (!isSafelistedMethod(method.value) && !policy.anyMethod && !policy.methods.has(method.value))
      return refuse("disallowed-method");
  }
  // One read of each header (Fetch Headers reads are not cheap); list members are the same in
  // the combined value as in the separate lines.
  const acrh = requestLine(picked, incoming, 2);
  if (acrh !== null) {
    const refusal = checkRequestHeaders(policy, acrh);
    if (refusal !== undefined) return refuse(refusal);
  }
  const pna = requestLine(picked, incoming, 3) !== null;
  if (pna && !policy.privateNetwork) return refuse("disallowed-private-network");

  add(names, values, "access-control-allow-origin", allowOrigin);
  if (policy.credentials) add(names, values, "access-control-allow-credentials", "true");
  if (policy.allowMethods !== undefined) add(names, values, "access-control-allow-methods", policy.allowMethods);
  if (policy.allowHeaders !== undefined && acrh !== null) add(names, values, "access-control-allow-headers", policy.allowHeaders);
  if (policy.maxAge !== undefined) add(names, values, "access-control-max-age", policy.maxAge);
  if (pna) add(names, values, "access-control-allow-private-network", "true");
  return { kind: "preflight", allowed: true, status: 204, headers: trustedHeaderMap(names, values) };
}

/** The request headers a decision reads, in the order of {@link requestLine}'s indexes. */
const CORS_REQUEST_NAMES = /* @__PURE__ */ pickedNames([
  "origin",
  "access-control-request-method",
  "access-control-request-headers",
  "access-control-request-private-network",
]);

/** The line of the `index`th of {@link CORS_REQUEST_NAMES}, from the picked lines or else the map; null when absent. */
function requestLine(picked: (string | undefined)[] | undefined, map: HeaderMap | undefined, index: number): string | null {
  if (picked !== undefined) return picked[index] ?? null;
  return (map as HeaderMap).getRaw(CORS_REQUEST_NAMES.names[index] as string);
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

/** A configured value in a problem's reason; never throws (no toString or toJSON is called). */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  return typeof value === "object" || typeof value === "undefined" ? `an ${typeof value}` : `a ${typeof value}`;
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
