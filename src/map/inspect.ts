// What console.log and util.inspect show for a HeaderMap: its field lines, grouped by name, as
// `HeaderMap { vary: 'origin', 'set-cookie': [ 'a=1', 'b=2' ] }` rather than an empty
// `HeaderMap {}` (its fields are private). Node, Deno and Bun call the method stored under
// Symbol.for("nodejs.util.inspect.custom"), so no Node import is needed.
//
// The method is put on HeaderMap's prototype by the first constructor call, not when the module
// loads: a statement at load time would be a side effect that keeps HeaderMap in every bundle
// of the module's chunk (parseHeader alone would carry it), and a symbol-keyed method in the
// class body defeats bundlers' tree-shaking the same way. After the first call it costs one test.

let inspectable = false;

/** Gives `prototype` (HeaderMap's) its inspector method, once. @internal */
export function makeInspectable(prototype: object): void {
  if (inspectable) return;
  inspectable = true;
  Object.defineProperty(prototype, Symbol.for("nodejs.util.inspect.custom"), {
    value(this: { toEntries(): [string, string][] }, _depth: unknown, options: unknown, inspect: unknown): string {
      return inspectHeaderLines(this, options, inspect);
    },
  });
}

/**
 * The inspector's view of a map's lines. `options` and `inspect` are what Node passes to a
 * custom inspector (its options and its own `inspect`). Never throws: lines a map could not accept
 * (an invalid copied record) are shown as the error.
 */
function inspectHeaderLines(map: { toEntries(): [string, string][] }, options: unknown, inspect: unknown): string {
  let entries: [string, string][];
  try {
    entries = map.toEntries();
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
  return `HeaderMap ${typeof inspect === "function" ? String(inspect(record, options)) : JSON.stringify(record)}`;
}
