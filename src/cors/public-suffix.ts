// A compact public-suffix check for credentialed wildcard origins (`https://*.com` would let any
// site on .com read credentialed responses). The full Public Suffix List is ~200 KB; this keeps
// the rule that matters most plus the suffixes where independent parties commonly host sites.

/**
 * Suffixes under which unrelated parties get subdomains: multi-label country suffixes and the
 * most used hosting platforms. Every single-label suffix (`com`, `io`, `dev`, …) counts as public
 * without being listed.
 */
const MULTI_LABEL_PUBLIC_SUFFIXES = new Set([
  // country second levels
  "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp",
  "or.jp", "co.kr", "com.br", "com.cn", "com.mx", "com.ar", "com.tr", "co.in", "co.za", "com.sg",
  "com.hk", "com.tw",
  // hosting platforms and shared domains
  "github.io", "gitlab.io", "pages.dev", "workers.dev", "vercel.app", "netlify.app", "herokuapp.com",
  "appspot.com", "web.app", "firebaseapp.com", "azurewebsites.net", "cloudfront.net",
  "amazonaws.com", "blogspot.com", "glitch.me", "onrender.com", "fly.dev", "deno.dev", "ngrok.io",
  "ngrok-free.app", "repl.co", "surge.sh", "web.val.run", "codesandbox.io", "csb.app",
]);

/**
 * Whether `suffix` (the part of a pattern after `*.`, lowercase, no trailing dot) is a public
 * suffix: a single label, or one of the listed multi-label suffixes.
 * @internal
 */
export function isPublicSuffix(suffix: string): boolean {
  return !suffix.includes(".") || MULTI_LABEL_PUBLIC_SUFFIXES.has(suffix);
}
