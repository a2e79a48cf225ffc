// What console.log and util.inspect show for a HeaderMap: its field lines, grouped by name, as
// `HeaderMap { vary: 'origin', 'set-cookie': [ 'a=1', 'b=2' ] }`. Node, Deno and Bun look the
// method up under Symbol.for("nodejs.util.inspect.custom"), so no Node import is needed.

/** The key under which inspectors look for a custom view. @internal */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The inspector's view of a map's lines (`this`). Never throws: lines a map could not accept
 * (an invalid copied record) are shown as the error.
 * @internal
 */
export function inspectHeaderLines(
  this: { toEntries(): [string, string][] },
  _depth?: unknown,
  options?: unknown,
  inspect?: (value: unknown, options?: unknown) => string,
): string {
  let entries: [string, string][];
  try {
    entries = this.toEntries();
  } catch (error) {
    return `HeaderMap <${error instanceof Error ? error.message : "unreadable"}>`;
  }
  const grouped = new Map<string, string | string[]>();
  for (const [name, value] of entries) {
    const found = grouped.get(name);
    grouped.set(name, found === undefined ? value : typeof found === "string" ? [found, value] : [...found, value]);
  }
  // fromEntries defines own properties, so a header named __proto__ is shown like any other.
  const record = Object.fromEntries(grouped);
  return `HeaderMap ${typeof inspect === "function" ? inspect(record, options) : JSON.stringify(record)}`;
}
