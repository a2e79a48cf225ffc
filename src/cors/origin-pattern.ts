import { Origin } from "../syntax/serialized-origin.js";
import { publicSuffixCoveredBy } from "./public-suffix.js";

// Origins allowed by a policy: exact serialized origins, and structured patterns.
//
//   pattern = scheme "://" [ "*." ] host [ ":" ( port / "*" ) ]
//
// "*." stands for one or more whole labels (https://*.example.com matches https://a.example.com
// and https://a.b.example.com, never https://example.com or https://aexample.com); ":*" for any
// port including none. Scheme and host always match exactly; matching is by structure, never by
// substring.

/** A parsed origin pattern. @internal */
export interface OriginPattern {
  /** The pattern as configured. */
  readonly source: string;
  /** "scheme://" for patterns with "*.", or the whole origin prefix before the port otherwise. */
  readonly scheme: string;
  /** ".example.com" for "*.example.com", or the exact host. */
  readonly host: string;
  readonly subdomains: boolean;
  /** The exact port text (":8080"), "" for no port, or "*" for any port. */
  readonly port: string;
}

/** Why a configured origin is refused (a sentence, without the setting's name), or a parsed pattern. @internal */
export type PatternResult =
  | { readonly ok: true; readonly pattern: OriginPattern }
  | { readonly ok: false; readonly problem: string };

/**
 * Parses one configured origin (exact or pattern). `credentials` turns on the checks that only
 * matter for credentialed policies (insecure origins, public suffixes).
 * @internal
 */
export function parseOriginPattern(source: unknown, credentials: boolean, allowInsecureOrigins: boolean): PatternResult {
  if (typeof source !== "string") {
    const what = source instanceof RegExp ? "a RegExp" : typeof source === "function" ? "a function" : typeof source;
    return {
      ok: false,
      problem: `${what} is not allowed; give exact origins or structured patterns ("https://*.example.com", "http://localhost:*").`,
    };
  }
  const shown = JSON.stringify(source);
  if (source === "null") return { ok: false, problem: `${shown} is refused: any sandboxed page or data: URL sends "null".` };
  if (source === "*")
    return { ok: false, problem: `"*" must be the whole origins setting (origins: "*"), not a member of a list.` };
  if (source.startsWith("file:"))
    return { ok: false, problem: `${shown} is refused: file: pages have opaque origins, which browsers send as "null".` };
  const schemeEnd = source.indexOf("://");
  if (schemeEnd <= 0)
    return {
      ok: false,
      problem: `${shown} is not an origin (scheme://host[:port]); write ${JSON.stringify(`https://${source}`)} if that is what you mean.`,
    };
  const scheme = source.slice(0, schemeEnd + 3);
  let rest = source.slice(schemeEnd + 3);
  const subdomains = rest.startsWith("*.");
  if (subdomains) rest = rest.slice(2);
  let port = "";
  if (rest.endsWith(":*")) {
    port = "*";
    rest = rest.slice(0, -2);
  }
  if (port === "*" && rest.lastIndexOf(":") > rest.lastIndexOf("]")) {
    const host = rest.slice(0, rest.lastIndexOf(":"));
    const prefix = `${scheme}${subdomains ? "*." : ""}${host}`;
    return {
      ok: false,
      problem: `${shown} has two ports: ":*" already stands for any port; write "${prefix}:*" or "${prefix}${rest.slice(host.length)}".`,
    };
  }
  // What is left must be a serialized origin: check it with a placeholder label for "*.".
  const candidate = `${scheme}${subdomains ? "x." : ""}${rest}`;
  const parsed = Origin.parse(candidate);
  if (!parsed.ok || rest.includes("*")) {
    const why = parsed.ok ? 'a "*" may only stand for leading labels ("*.") or the port (":*").' : parsed.error.message;
    return { ok: false, problem: `${shown} is not a serialized origin or pattern: ${why}` };
  }
  const lastColon = rest.lastIndexOf(":");
  const hasPort = port === "" && lastColon > rest.lastIndexOf("]");
  const host = hasPort ? rest.slice(0, lastColon) : rest;
  if (hasPort) port = rest.slice(lastColon);
  if (subdomains && (host.startsWith("[") || /^[0-9.]+$/.test(host))) {
    return { ok: false, problem: `${shown}: "*." cannot precede an IP address.` };
  }
  if (credentials && !allowInsecureOrigins && scheme !== "https://" && !isLoopback(scheme, host)) {
    return {
      ok: false,
      problem: `${shown} is not https and not loopback; with credentials anyone on the network path could impersonate it. Set allowInsecureOrigins: true to accept that.`,
    };
  }
  const suffix = credentials && subdomains ? publicSuffixCoveredBy(host) : undefined;
  if (suffix !== undefined) {
    const what = host.startsWith(suffix)
      ? `every site under the public suffix "${suffix}"`
      : `the public suffix "${suffix}" and every site under it`;
    return { ok: false, problem: `${shown} covers ${what} (Public Suffix List), which is refused with credentials.` };
  }
  return { ok: true, pattern: { source, scheme, host: subdomains ? `.${host}` : host, subdomains, port } };
}

/**
 * Whether the serialized origin `origin` is https or loopback: the origins a credentialed policy
 * accepts without `allowInsecureOrigins` (the same rule as for configured patterns).
 * @internal
 */
export function isHttpsOrLoopback(origin: string): boolean {
  const schemeEnd = origin.indexOf("://") + 3;
  const scheme = origin.slice(0, schemeEnd);
  return scheme === "https://" || isLoopback(scheme, origin.slice(schemeEnd, portIndex(origin, schemeEnd)));
}

/** Whether an origin's host is loopback: localhost (and its subdomains), 127.0.0.0/8 or [::1]. */
function isLoopback(scheme: string, host: string): boolean {
  if (scheme !== "http://" && scheme !== "ws://") return false;
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host);
}

/**
 * Whether the serialized origin `origin` matches `pattern`, by structure: same scheme, same
 * host (or one or more labels followed by the host), same port (or any, for ":*").
 * @internal
 */
export function matchesPattern(origin: string, pattern: OriginPattern): boolean {
  if (!origin.startsWith(pattern.scheme)) return false;
  const schemeEnd = pattern.scheme.length;
  const portStart = portIndex(origin, schemeEnd);
  const host = origin.slice(schemeEnd, portStart);
  const port = origin.slice(portStart);
  if (pattern.port !== "*" && port !== pattern.port) return false;
  if (!pattern.subdomains) return host === pattern.host;
  // ".example.com" must be a proper suffix that starts at a label boundary, after labels that are
  // all non-empty (the URL parser accepts "https://.a.example.com" and "https://a..example.com").
  return (
    host.length > pattern.host.length && host.endsWith(pattern.host) && !hasEmptyLabel(host, host.length - pattern.host.length)
  );
}

/** Whether the labels of `host[0, end)` (followed by a dot at `end`) include an empty one. */
function hasEmptyLabel(host: string, end: number): boolean {
  if (host.charCodeAt(0) === 0x2e || host.charCodeAt(end - 1) === 0x2e) return true;
  const double = host.indexOf("..");
  return double !== -1 && double < end;
}

/** The index of ":port" in a serialized origin (after any IPv6 brackets), or its length. */
function portIndex(origin: string, hostStart: number): number {
  const bracket = origin.indexOf("]", hostStart);
  const colon = origin.indexOf(":", bracket === -1 ? hostStart : bracket);
  return colon === -1 ? origin.length : colon;
}
