// Compile-time checks of a corsPolicy configuration, in types only (nothing here exists at
// runtime; corsPolicy checks everything again when it builds the policy).
//
// How the explanations reach the user: CheckedCorsPolicyConfig<Config> is a mapped type over the
// configuration that TypeScript infers `Config` back from. Every setting that is fine maps to its
// own type; a refused literal maps to a string-literal type that says what is wrong and how to
// fix it, so the diagnostic reads
//   Type '"https://app.example/"' is not assignable to type
//   '"origins: an origin has no trailing slash: write https://app.example"'.
// (Intersecting the configuration with the checks instead would reduce a refused literal to
// `never`, and the words would be lost.)
//
// Only plain literals are checked: a `string` or `number` from a variable, a branded value
// (`Method.from("PURGE")`), a union, or an array that is not a tuple is left to the runtime
// checks, so configurations held in variables compile. Settings that matter only with
// credentials are checked when `credentials` may be true (`true` or `boolean`).

import type { DynamicOrigins, CorsPolicyConfig } from "./policy.js";

/**
 * Whether `S` is one plain string literal: not `string`, a union, a branded string or a pattern
 * such as `http://127.0.0.1:${number}` (for those, `Record<S, 1>` has an index signature).
 */
type IsLiteral<S> = string extends S
  ? false
  : true extends IsUnion<S>
    ? false
    : S extends string
      ? {} extends Record<S, 1>
        ? false
        : true
      : false;
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/** Characters that cannot appear in an RFC 9110 token (besides controls and non-ASCII). */
type Delimiter =
  | " "
  | "\t"
  | '"'
  | "("
  | ")"
  | ","
  | "/"
  | ":"
  | ";"
  | "<"
  | "="
  | ">"
  | "?"
  | "@"
  | "["
  | "\\"
  | "]"
  | "{"
  | "}";
type IsToken<S extends string> = S extends "" | `${string}${Delimiter}${string}` ? false : true;

/** Whether the configuration may send credentials. */
type MayHaveCredentials<Config> = "credentials" extends keyof Config
  ? true extends Config["credentials" & keyof Config]
    ? true
    : false
  : false;
/** Whether `allowInsecureOrigins: true` is written. */
type AllowsInsecure<Config> = "allowInsecureOrigins" extends keyof Config
  ? [Config["allowInsecureOrigins" & keyof Config]] extends [true]
    ? true
    : false
  : false;

// ----- origins -----

type CheckedOriginsSetting<Origins, Credentials extends boolean, Insecure extends boolean> = [Origins] extends [
  { readonly allow: unknown },
]
  ? DynamicOrigins
  : [Origins] extends ["*"]
    ? Credentials extends true
      ? "origins: '*' is refused with credentials (any site could read credentialed responses): list the origins"
      : Origins
    : [Origins] extends [boolean]
      ? "origins: reflecting any origin is not offered (every site could read your responses): list the origins, or write '*' without credentials"
      : Origins extends readonly unknown[]
        ? number extends Origins["length"]
          ? Origins
          : { readonly [K in keyof Origins]: CheckedOrigin<Origins[K], Credentials, Insecure> }
        : Origins;

type CheckedOrigin<S, Credentials extends boolean, Insecure extends boolean> = S extends RegExp | ((...args: never[]) => unknown)
  ? `origins: ${S extends RegExp ? "a RegExp" : "a function"} is not offered (the usual source of CORS bypasses): write exact origins or patterns such as https://*.example.com`
  : IsLiteral<S> extends false
    ? S
    : S extends "*"
      ? "origins: '*' is not a list member: write origins: '*' for any origin (without credentials)"
      : S extends "null"
        ? "origins: 'null' is refused (sandboxed iframes and data: URLs of any site send it): remove it"
        : S extends `file:${string}`
          ? "origins: file: pages send the origin 'null', which is refused: remove it"
          : S extends `${infer Scheme}://${infer Rest}`
            ? OriginProblem<S & string, Scheme, Rest, Credentials, Insecure>
            : S extends string
              ? `origins: '${S}' is not an origin: write scheme://host[:port], e.g. https://${S}`
              : S;

type OriginProblem<
  S extends string,
  Scheme extends string,
  Rest extends string,
  Credentials extends boolean,
  Insecure extends boolean,
> = Rest extends `${infer Host}/`
  ? `origins: an origin has no trailing slash: write ${Scheme}://${Host}`
  : Rest extends `${infer Host}/${string}`
    ? `origins: an origin has no path: write ${Scheme}://${Host}`
    : S extends Lowercase<S>
      ? HostProblem<Scheme, Rest, Credentials, Insecure> extends infer Problem extends string
        ? [Problem] extends [never]
          ? S
          : Problem
        : S
      : `origins: browsers send origins in lowercase: write ${Lowercase<S>}`;

/** What is wrong with the host and port of a lowercase `scheme://rest` without a path, or never. */
type HostProblem<
  Scheme extends string,
  Rest extends string,
  Credentials extends boolean,
  Insecure extends boolean,
> = Rest extends `[${string}`
  ? InsecureProblem<Scheme, Rest, Credentials, Insecure>
  : Rest extends `${infer Host}:${infer Port}:*`
    ? `origins: two ports in ${Scheme}://${Rest}: write ${Scheme}://${Host}:* (any port) or ${Scheme}://${Host}:${Port}`
    : Rest extends `${infer Host}:${"443" | "80"}`
      ? DefaultPort<Scheme, Rest> extends true
        ? `origins: browsers omit the default port: write ${Scheme}://${Host}`
        : InsecureProblem<Scheme, Rest, Credentials, Insecure>
      : Credentials extends true
        ? Rest extends `*.${infer Suffix}`
          ? HostOf<Suffix> extends `${string}.${string}`
            ? InsecureProblem<Scheme, Rest, Credentials, Insecure>
            : `origins: *.${HostOf<Suffix>} is a public suffix (every site under it could read credentialed responses): write a domain you own, e.g. ${Scheme}://*.example.${Suffix}`
          : InsecureProblem<Scheme, Rest, Credentials, Insecure>
        : never;

type DefaultPort<Scheme extends string, Rest extends string> = Rest extends `${string}:443`
  ? Scheme extends "https" | "wss"
    ? true
    : false
  : Scheme extends "http" | "ws"
    ? true
    : false;

type HostOf<Rest extends string> = Rest extends `${infer Host}:${string}` ? Host : Rest;

/** With credentials: an origin that is neither https nor loopback http/ws, unless opted into. */
type InsecureProblem<Scheme extends string, Rest extends string, Credentials extends boolean, Insecure extends boolean> = [
  Credentials,
  Insecure,
] extends [true, false]
  ? Scheme extends "https"
    ? never
    : [Scheme, IsLoopback<Rest>] extends ["http" | "ws", true]
      ? never
      : `origins: ${Scheme}://${Rest} is not https: with credentials anyone on the network path can impersonate it: write https://${Rest}, or set allowInsecureOrigins: true`
  : never;

type IsLoopback<Rest extends string> = Rest extends `[::1]${"" | `:${string}`}`
  ? true
  : HostOf<Rest> extends "localhost" | `${string}.localhost` | `127.${number}.${number}.${number}`
    ? true
    : false;

// ----- methods and header names -----

type CheckedListSetting<List, Check extends ListCheck, Credentials extends boolean> = List extends readonly unknown[]
  ? number extends List["length"]
    ? List
    : { readonly [K in keyof List]: CheckedListMember<List[K], Check, Credentials> }
  : List;

type ListCheck = "methods" | "allowedHeaders" | "exposedHeaders";

type CheckedListMember<S, Check extends ListCheck, Credentials extends boolean> =
  IsLiteral<S> extends false
    ? S
    : S extends "*"
      ? Credentials extends true
        ? `${Check}: '*' is refused with credentials (browsers read it as a name '*'): list the names`
        : S
      : S extends string
        ? IsToken<S> extends false
          ? `${Check}: '${S}' is not a ${Check extends "methods" ? "method" : "header name"} (a token: no spaces, commas, slashes, colons or quotes)`
          : Check extends "methods"
            ? MethodProblem<S>
            : Check extends "allowedHeaders"
              ? RequestHeaderProblem<S, Lowercase<S>>
              : ExposedHeaderProblem<S, Lowercase<S>>
        : S;

type MethodProblem<S extends string> =
  Uppercase<S> extends "CONNECT" | "TRACE" | "TRACK"
    ? `methods: ${S} is a forbidden method (fetch() refuses it): remove it`
    : Uppercase<S> extends "PATCH"
      ? S extends "PATCH"
        ? S
        : `methods: browsers send ${S} as written, and pages write PATCH: write PATCH`
      : S;

/** Fetch's forbidden request-header names: `fetch()` drops them, so a page never sends them. */
type ForbiddenRequestHeader =
  | "accept-charset"
  | "accept-encoding"
  | "access-control-request-headers"
  | "access-control-request-method"
  | "access-control-request-private-network"
  | "connection"
  | "content-length"
  | "cookie"
  | "cookie2"
  | "date"
  | "dnt"
  | "expect"
  | "host"
  | "keep-alive"
  | "origin"
  | "referer"
  | "set-cookie"
  | "te"
  | "trailer"
  | "transfer-encoding"
  | "upgrade"
  | "via"
  | `proxy-${string}`
  | `sec-${string}`;

type RequestHeaderProblem<S extends string, Name extends string> = Name extends ForbiddenRequestHeader
  ? `allowedHeaders: pages cannot set ${S} (a forbidden request header): remove it`
  : Name extends `access-control-${string}`
    ? `allowedHeaders: ${S} is a CORS response header, which pages never send: remove it`
    : S;

type ExposedHeaderProblem<S extends string, Name extends string> = Name extends "set-cookie" | "set-cookie2"
  ? `exposedHeaders: browsers never let pages read ${S}: remove it`
  : Name extends `access-control-${string}`
    ? `exposedHeaders: ${S} is a CORS header, not one of your response headers: remove it`
    : S;

// ----- maxAge -----

type CheckedMaxAge<N> = number extends N
  ? N
  : N extends number
    ? `${N}` extends `-${string}`
      ? `maxAge: ${N} is negative: write 0 (browsers then cache nothing) up to 86400`
      : `${N}` extends `${string}${"." | "e"}${string}`
        ? `maxAge: ${N} is not a whole number of seconds: write an integer from 0 to 86400`
        : AboveADay<`${N}`> extends true
          ? `maxAge: ${N} is over a day: write at most 86400 (Chromium caps it at 7200)`
          : N
    : N;

type Digits<S extends string, Count extends 0[] = []> = S extends `${string}${infer Rest}`
  ? Digits<Rest, [...Count, 0]>
  : Count["length"];
type LowerDigits = {
  "0": never;
  "1": "0";
  "2": "0" | "1";
  "3": "0" | "1" | "2";
  "4": "0" | "1" | "2" | "3";
  "5": "0" | "1" | "2" | "3" | "4";
  "6": "0" | "1" | "2" | "3" | "4" | "5";
  "7": "0" | "1" | "2" | "3" | "4" | "5" | "6";
  "8": "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7";
  "9": "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8";
};
/** Whether the digits `A` are greater than the digits `B` of the same length. */
type Greater<A extends string, B extends string> = A extends `${infer a}${infer ARest}`
  ? B extends `${infer b}${infer BRest}`
    ? a extends b
      ? Greater<ARest, BRest>
      : b extends LowerDigits[a & keyof LowerDigits]
        ? true
        : false
    : false
  : false;
type AboveADay<S extends string> = Digits<S> extends 0 | 1 | 2 | 3 | 4 ? false : Digits<S> extends 5 ? Greater<S, "86400"> : true;

// ----- the whole configuration -----

/**
 * What `corsPolicy` infers a configuration against: {@link CorsPolicyConfig} with `origins` of
 * any type, so that `origins: true` or a RegExp reaches the checks (and their explanation)
 * instead of failing the constraint with a bare type error.
 */
export type CorsPolicyConfigCandidate = Omit<CorsPolicyConfig, "origins"> & {
  // Any value, so that a refused one gets its explanation; DynamicOrigins first, so that an
  // `allow` written inline is typed.
  readonly origins: DynamicOrigins | {} | null | undefined;
};

/**
 * The parameter type of {@link corsPolicy}: `Config` with every refused literal replaced by a
 * string type that explains the problem and the fix, so that the compiler's error says it (for
 * example `origins: an origin has no trailing slash: write https://app.example`). A function that
 * takes a configuration and passes it on keeps every check by taking this type with a `const`
 * type parameter.
 *
 * @remarks
 * Checked at compile time, for literals: origins (`null`, `file:`, `"*"` in a list, no scheme,
 * paths and trailing slashes, uppercase, default ports, two ports, and with credentials insecure
 * non-loopback origins and `*.` before a public suffix of one label), `"*"` with credentials,
 * forbidden methods and request headers, lowercase `patch`, names that are not tokens, `set-cookie`
 * and CORS headers in the lists, `maxAge` outside 0…86400, unknown settings. Strings and numbers
 * from variables, branded values and arrays that are not tuples are checked when the policy is
 * built. Unknown settings are refused, so a wrapper with options of its own takes them as a
 * separate argument.
 *
 * @example
 * ```ts
 * import { corsPolicy, fetchCors, type CheckedCorsPolicyConfig, type CorsPolicyConfig } from "typed-headers";
 *
 * function apiCors<const Config extends CorsPolicyConfig>(config: CheckedCorsPolicyConfig<Config>) {
 *   return fetchCors(corsPolicy(config));
 * }
 * apiCors({ origins: ["https://app.example"], credentials: true });
 * // @ts-expect-error: origins: an origin has no trailing slash: write https://app.example
 * apiCors({ origins: ["https://app.example/"] });
 * ```
 * @public
 */
export type CheckedCorsPolicyConfig<Config> = {
  readonly [Key in keyof Config]: Key extends "origins"
    ? CheckedOriginsSetting<Config[Key], MayHaveCredentials<Config>, AllowsInsecure<Config>>
    : Key extends "methods" | "allowedHeaders" | "exposedHeaders"
      ? CheckedListSetting<Config[Key], Key, MayHaveCredentials<Config>>
      : Key extends "maxAge"
        ? CheckedMaxAge<Config[Key]>
        : Key extends keyof CorsPolicyConfig
          ? Config[Key]
          : Key extends "origin"
            ? "origin is not a corsPolicy setting: write origins"
            : `${Key & string} is not a corsPolicy setting (see CorsPolicyConfig)`;
};
