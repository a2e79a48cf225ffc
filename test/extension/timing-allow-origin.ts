// A third-party header defined outside src/, the way another library would:
//   Timing-Allow-Origin = "*" / 1#( origin-or-null )     (W3C Resource Timing §4.5.1)
import {
  defineHeader,
  Origin,
  parseHeader,
  serializeHeader,
  type HeaderCodec,
  type OriginValue,
  type ParseResult,
} from "typed-headers";

declare module "typed-headers" {
  interface HeaderRegistry {
    "timing-allow-origin": "*" | readonly OriginValue[];
  }
}

type TimingAllowOrigin = "*" | readonly OriginValue[];

function parseTimingAllowOrigin(lines: readonly string[]): ParseResult<TimingAllowOrigin> {
  const origins: OriginValue[] = [];
  for (const line of lines) {
    for (const raw of line.split(",")) {
      const member = raw.replace(/^[ \t]+|[ \t]+$/g, "");
      if (member === "") continue;
      if (member === "*") return { ok: true, value: "*" };
      if (member === "null") {
        origins.push("null");
        continue;
      }
      const origin = parseHeader("origin", member);
      if (!origin.ok) return { ok: false, error: { ...origin.error, code: "invalid-origin" } };
      origins.push(origin.value);
    }
  }
  if (origins.length === 0)
    return { ok: false, error: { code: "empty-list", header: "", message: "expected at least one origin or *." } };
  return { ok: true, value: origins };
}

/** The registered codec. */
export const timingAllowOrigin: HeaderCodec<"timing-allow-origin", TimingAllowOrigin> = defineHeader({
  name: "Timing-Allow-Origin",
  parse: parseTimingAllowOrigin,
  serialize: (value: TimingAllowOrigin) => {
    if (value === "*") return "*";
    if (!Array.isArray(value) || value.length === 0 || !value.every((o) => o === "null" || Origin.is(o))) {
      throw new TypeError('typed-headers: cannot serialize timing-allow-origin: expected "*" or origins');
    }
    return value.join(", ");
  },
});

export { parseHeader, serializeHeader };
