import { test } from "vitest";
import {
  corsPolicy,
  fetchCors,
  FieldName,
  Method,
  type CheckedCorsPolicyConfig,
  type CorsPolicy,
  type CorsPolicyConfig,
} from "typed-headers";

test("insecure configurations do not compile", () => {
  corsPolicy({ origins: ["https://app.example.com", "https://*.example.com", "http://localhost:*"], credentials: true });
  corsPolicy({ origins: "*", methods: ["*"], allowedHeaders: ["*"], exposedHeaders: ["*"] });

  // @ts-expect-error - "*" origin with credentials
  corsPolicy({ origins: "*", credentials: true });
  // @ts-expect-error - "*" in methods with credentials
  corsPolicy({ origins: ["https://a.example"], credentials: true, methods: ["*"] });
  // @ts-expect-error - "*" in allowedHeaders with credentials
  corsPolicy({ origins: ["https://a.example"], credentials: true, allowedHeaders: ["*"] });
  // @ts-expect-error - "*" in exposedHeaders with credentials
  corsPolicy({ origins: ["https://a.example"], credentials: true, exposedHeaders: ["*"] });
  // @ts-expect-error - the null origin
  corsPolicy({ origins: ["null"] });
  // @ts-expect-error - file: origins
  corsPolicy({ origins: ["file:///tmp/x.html"] });
  // @ts-expect-error - a trailing slash is not a serialized origin
  corsPolicy({ origins: ["https://app.example.com/"] });
  // @ts-expect-error - uppercase is never sent by browsers
  corsPolicy({ origins: ["https://App.example.com"] });
  // @ts-expect-error - not an origin at all
  corsPolicy({ origins: ["app.example.com"] });
  // @ts-expect-error - forbidden methods
  corsPolicy({ origins: "*", methods: ["CONNECT"] });
  // @ts-expect-error - TRACE too
  corsPolicy({ origins: "*", methods: ["GET", "TRACE"] });
  // @ts-expect-error - forbidden request header names
  corsPolicy({ origins: "*", allowedHeaders: ["cookie"] });
  // @ts-expect-error - set-cookie is never exposed
  corsPolicy({ origins: "*", exposedHeaders: ["set-cookie"] });
  // @ts-expect-error - RegExp and callbacks are not origins
  corsPolicy({ origins: [/example\.com$/] });
  // @ts-expect-error - reflecting any origin is not an option
  corsPolicy({ origins: true });
});

test("runtime strings and branded values compile, and are checked at runtime", () => {
  const fromEnv: string[] = ["https://a.example"];
  corsPolicy({
    origins: fromEnv,
    credentials: true,
    methods: [Method.from("PURGE")],
    allowedHeaders: [FieldName.from("x-api-key")],
  });
});

test("configurations held in typed variables compile", () => {
  const anonymous: CorsPolicyConfig = { origins: "*", methods: ["*"] };
  corsPolicy(anonymous);
  const credentialed: CorsPolicyConfig = { origins: ["https://a.example"], credentials: true };
  corsPolicy(credentialed);
  const fromJson = JSON.parse("{}") as CorsPolicyConfig;
  corsPolicy(fromJson);
});

test("configurations in variables and custom header names compile without ceremony", () => {
  const credentials = process.env.CORS_CREDENTIALS === "true";
  corsPolicy({ origins: ["https://a.example"], credentials });
  const config = {
    origins: ["https://a.example"],
    credentials: true,
    methods: ["GET", "PUT"],
    allowedHeaders: ["x-api-version"],
  };
  corsPolicy(config);
  corsPolicy({
    origins: "*",
    allowedHeaders: ["x-total-count", "X-Request-Id"],
    exposedHeaders: ["x-total-count"],
    methods: ["PURGE", "put"],
  });
  // @ts-expect-error - credentials that may be true keep the credential checks
  corsPolicy({ origins: "*", credentials });
});

test("a wrapper typed with CheckedCorsPolicyConfig keeps every check", () => {
  function apiCors<const Config extends CorsPolicyConfig>(config: CheckedCorsPolicyConfig<Config>) {
    return fetchCors(corsPolicy(config));
  }
  function policyOf<const Config extends CorsPolicyConfig>(config: CheckedCorsPolicyConfig<Config>): CorsPolicy {
    return corsPolicy(config);
  }
  apiCors({ origins: ["https://app.example", "http://localhost:*"], credentials: true, allowedHeaders: ["x-total-count"] });
  policyOf({ origins: "*", methods: ["*"] });
  // @ts-expect-error - "*" with credentials
  apiCors({ origins: "*", credentials: true });
  // @ts-expect-error - a trailing slash
  apiCors({ origins: ["https://app.example/"] });
  // @ts-expect-error - null
  policyOf({ origins: ["null"] });
  // @ts-expect-error - uppercase
  policyOf({ origins: ["https://App.example"] });
  // @ts-expect-error - insecure with credentials
  policyOf({ origins: ["http://app.example"], credentials: true });
  // @ts-expect-error - TRACE
  apiCors({ origins: "*", methods: ["TRACE"] });
  // @ts-expect-error - cookie
  apiCors({ origins: "*", allowedHeaders: ["cookie"] });
  // @ts-expect-error - set-cookie
  apiCors({ origins: "*", exposedHeaders: ["set-cookie"] });
  // @ts-expect-error - maxAge
  apiCors({ origins: "*", maxAge: 100000 });
  // @ts-expect-error - a misspelt setting
  apiCors({ origins: "*", origin: "https://a.example" });
});
