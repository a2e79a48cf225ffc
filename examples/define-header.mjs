// A third-party header added with defineHeader: Timing-Allow-Origin (W3C Resource Timing).
//   Timing-Allow-Origin = "*" / 1#origin-or-null
// In TypeScript, declare its type too:
//   declare module "typed-headers" { interface HeaderRegistry { "timing-allow-origin": "*" | readonly OriginValue[] } }
import { defineHeader, HeaderMap, parseHeader, serializeHeader } from "typed-headers";

defineHeader({
  name: "Timing-Allow-Origin",
  parse(lines) {
    const origins = [];
    for (const member of lines
      .join(",")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean)) {
      if (member === "*") return { ok: true, value: "*" };
      const origin = parseHeader("origin", member); // reuse the registry's origin-or-null
      if (!origin.ok) return { ok: false, error: { ...origin.error, header: "" } };
      origins.push(origin.value);
    }
    if (origins.length === 0) return { ok: false, error: { code: "empty-list", header: "", message: "expected * or origins." } };
    return { ok: true, value: origins };
  },
  serialize(value) {
    if (value === "*") return "*";
    if (!Array.isArray(value) || value.length === 0)
      throw new TypeError("typed-headers: timing-allow-origin: expected * or origins");
    for (const origin of value)
      if (!parseHeader("origin", origin).ok)
        throw new TypeError(`typed-headers: timing-allow-origin: ${origin} is not an origin`);
    return value.join(", ");
  },
});

/** Examples of the header through parseHeader, serializeHeader and HeaderMap. */
export function demo() {
  return {
    parsed: parseHeader("timing-allow-origin", "https://a.example, null"),
    invalid: parseHeader("Timing-Allow-Origin", "https://a.example/").error.code,
    serialized: serializeHeader("timing-allow-origin", ["https://a.example"]),
    fromMap: HeaderMap.from({ "timing-allow-origin": "*" }).get("timing-allow-origin"),
  };
}
