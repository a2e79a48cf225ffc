// The engines checkCors can reproduce: the Fetch standard, and where Chromium and Firefox depart
// from it. Every departure was found by replaying generated exchanges in the real browser (the
// differential explorer, test/explorer/explore.mjs) and is pinned by a recorded regression case
// (test/fixtures/engine-deviations.json). docs/engines.md is generated from `departures` below
// (`npm run docs:engines`), and a test checks that each departure names a rule that differs from
// the standard's.

/**
 * The browser engines {@link checkCors} can reproduce: `"fetch"` is the WHATWG Fetch standard;
 * `"chromium"` and `"firefox"` add the departures their browsers show (see docs/engines.md).
 *
 * @example
 * ```ts
 * const engine: CorsEngine = "firefox";
 * checkCors({ origin: "https://app.example", method: "PUT", credentials: "include" }, exchange, { engine });
 * ```
 * @public
 */
export type CorsEngine = "fetch" | "chromium" | "firefox";

/** How an engine treats the request side and the preflight cache. @internal */
export interface EngineRules {
  readonly name: CorsEngine;
  /** Request headers safelisted beyond the standard's, with the check their value must pass. */
  readonly extraSafelisted: ReadonlyMap<string, (value: string) => boolean>;
  /**
   * Whether the lines of a repeated request header name are judged as one combined value (joined
   * with ", "); the standard judges each entry of the header list on its own.
   */
  readonly combineRepeatedLines: boolean;
  /** Whether an unsafe name is listed once per line in Access-Control-Request-Headers (the standard lists it once). */
  readonly repeatUnsafeNames: boolean;
  /** Whether a byte above 0x7F in Accept or Content-Type makes it unsafe (the standard allows them). */
  readonly nonAsciiUnsafe: boolean;
  /** Whether a Content-Type ending in a `;` that is not its first (`text/plain;a;`) is unsafe. */
  readonly trailingSemicolonUnsafe: boolean;
  /** Whether a `*` member of Access-Control-Expose-Headers exposes every header even when a later member is invalid. */
  readonly exposeWildcardDespiteInvalidList: boolean;
  /**
   * The largest first or last position a safelisted `Range` may have, as decimal digits (the
   * standard has no limit: it compares the mathematical values).
   */
  readonly largestRangePosition: string | undefined;
  /** Whether `*` in Access-Control-Allow-Headers covers Authorization (the standard: never). */
  readonly wildcardCoversAuthorization: boolean;
  /** Whether a request allowed only by `*` covering Authorization misses the preflight cache (preflighted every time). */
  readonly wildcardAuthorizationUncached: boolean;
  /** The longest a preflight result is cached, in seconds (the standard sets no cap). */
  readonly maxAgeCap: number;
  /** fetch() cache modes that make the browser ignore its preflight cache (the standard: none). */
  readonly cacheModesBypassingPreflightCache: ReadonlySet<string>;
  /** What differs from the standard, per rule name: the lines of docs/engines.md. */
  readonly departures: Partial<Record<Exclude<keyof EngineRules, "name" | "departures">, string>>;
}

//   1*DIGIT, and 1*DIGIT [ "." 1*DIGIT ]: the values Chromium accepts for its client hints.
const isDigits = (value: string) => value.length > 0 && [...value].every((c) => c >= "0" && c <= "9");
const isDecimal = (value: string) => {
  const dot = value.indexOf(".");
  return dot === -1 ? isDigits(value) : isDigits(value.slice(0, dot)) && isDigits(value.slice(dot + 1));
};
const EFFECTIVE_CONNECTION_TYPES = new Set(["slow-2g", "2g", "3g", "4g"]);

const FETCH: EngineRules = {
  name: "fetch",
  extraSafelisted: new Map(),
  combineRepeatedLines: false,
  repeatUnsafeNames: false,
  nonAsciiUnsafe: false,
  trailingSemicolonUnsafe: false,
  exposeWildcardDespiteInvalidList: false,
  largestRangePosition: undefined,
  wildcardCoversAuthorization: false,
  wildcardAuthorizationUncached: false,
  maxAgeCap: Number.POSITIVE_INFINITY,
  cacheModesBypassingPreflightCache: new Set(),
  departures: {},
};

const CHROMIUM: EngineRules = {
  ...FETCH,
  name: "chromium",
  // Chromium's network service safelists the client hints it may add itself, and Intervention.
  extraSafelisted: new Map<string, (value: string) => boolean>([
    ["device-memory", isDecimal],
    ["dpr", isDecimal],
    ["downlink", isDecimal],
    ["width", isDigits],
    ["viewport-width", isDigits],
    ["rtt", isDigits],
    ["ect", (value) => EFFECTIVE_CONNECTION_TYPES.has(value)],
    ["save-data", (value) => value.toLowerCase() === "on"],
    ["intervention", () => true],
  ]),
  combineRepeatedLines: true,
  largestRangePosition: "9223372036854775806",
  wildcardCoversAuthorization: true,
  wildcardAuthorizationUncached: true,
  maxAgeCap: 7200,
  cacheModesBypassingPreflightCache: new Set(["no-store", "reload", "no-cache"]),
  departures: {
    combineRepeatedLines:
      "Judges the lines of a repeated request header name as one value (joined with `, `), not each line: two 100-byte `Accept` lines make a 202-byte value, which needs a preflight.",
    extraSafelisted:
      'Safelists more request headers, so they need no preflight: `Device-Memory`, `DPR` and `Downlink` (`1*DIGIT ["." 1*DIGIT]`), `Width`, `Viewport-Width` and `RTT` (`1*DIGIT`), `ECT` (`slow-2g`, `2g`, `3g`, `4g`), `Save-Data` (`on`, any case), and `Intervention` (any value), each up to 128 bytes.',
    largestRangePosition: "A `Range` position above 9223372036854775806 (2^63 − 2) makes it unsafe (a preflight).",
    wildcardCoversAuthorization: "`*` in `Access-Control-Allow-Headers` (without credentials) also covers `Authorization`.",
    wildcardAuthorizationUncached:
      "A request that only `*` lets send `Authorization` misses the preflight cache: it is preflighted every time.",
    maxAgeCap: "Caches a preflight result for at most 7200 seconds (2 hours).",
    cacheModesBypassingPreflightCache:
      "A request with cache mode `no-store`, `reload` or `no-cache` ignores the preflight cache: it is preflighted every time.",
  },
};

const FIREFOX: EngineRules = {
  ...FETCH,
  name: "firefox",
  repeatUnsafeNames: true,
  nonAsciiUnsafe: true,
  trailingSemicolonUnsafe: true,
  exposeWildcardDespiteInvalidList: true,
  largestRangePosition: "18446744073709551615",
  wildcardCoversAuthorization: true,
  departures: {
    repeatUnsafeNames:
      "Lists an unsafe request header name once per line in `Access-Control-Request-Headers` (`content-type,content-type`).",
    nonAsciiUnsafe: "A byte above 0x7F in `Accept` or `Content-Type` makes it unsafe (a preflight).",
    trailingSemicolonUnsafe:
      "A `Content-Type` that ends in a `;` other than its first (`text/plain;;`, `text/plain;a=b;`) is unsafe; `text/plain;` stays safelisted.",
    exposeWildcardDespiteInvalidList:
      "A `*` member of `Access-Control-Expose-Headers` (without credentials) exposes every response header even when a later member is not a token (`*, bad value`; but not `bad value, *`); the standard then exposes none.",
    largestRangePosition: "A `Range` position above 18446744073709551615 (2^64 − 1) makes it unsafe (a preflight).",
    wildcardCoversAuthorization: "`*` in `Access-Control-Allow-Headers` (without credentials) also covers `Authorization`.",
  },
};

/** The rules of each engine, by name. @internal */
export const ENGINES: Readonly<Record<CorsEngine, EngineRules>> = { fetch: FETCH, chromium: CHROMIUM, firefox: FIREFOX };

/**
 * The rules of `engine`; `undefined` means the standard. Throws the library's TypeError for any
 * other value: an engine the library does not know must not silently mean the standard.
 * @internal
 */
export function engineRules(engine: unknown): EngineRules {
  if (engine === undefined) return FETCH;
  if (typeof engine === "string" && Object.hasOwn(ENGINES, engine)) return ENGINES[engine as CorsEngine];
  let shown: string;
  try {
    shown = typeof engine === "string" ? JSON.stringify(engine) : typeof engine;
  } catch {
    shown = "a value";
  }
  throw new TypeError(`typed-headers: checkCors: unknown engine ${shown}; use one of ${Object.keys(ENGINES).join(", ")}.`);
}

/** Whether `name` is safelisted by `rules` beyond the standard, with this value. @internal */
export function isExtraSafelisted(rules: EngineRules, name: string, value: string): boolean {
  const check = rules.extraSafelisted.get(name);
  return check !== undefined && value.length <= 128 && check(value);
}
