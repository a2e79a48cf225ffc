import { asLibraryError } from "../syntax/describe.js";
import type { ByteRangeSpec, Range } from "../headers/ranges/range.js";
import { isRangeNumber } from "../syntax/range-numbers.js";

// Which requested byte ranges a representation of `size` bytes can satisfy (RFC 9110 §14.1.1,
// §14.1.2):
// - an int-range `first-[last]` is satisfiable when first < size; last is cut to size - 1;
// - a suffix-range `-n` with n > 0 is satisfiable (the last n bytes, or all of them when the
//   representation is shorter), even when size is 0, where it selects nothing;
// - a range-set is unsatisfiable (416) when none of its ranges is.
// The ranges are kept in the order requested, overlapping or not: coalescing, reordering or
// refusing many small ranges (§14.2 lets a server do any of these) is the caller's choice.

/**
 * One satisfiable byte range: positions `first` to `last`, inclusive, within the representation.
 *
 * @example
 * ```ts
 * const range: ByteRange = { first: 0, last: 499 };   // the first 500 bytes
 * ```
 * @public
 */
export interface ByteRange {
  /** The position of the first byte, from 0. */
  readonly first: number;
  /** The position of the last byte, inclusive (`last - first + 1` bytes). */
  readonly last: number;
}

/**
 * The byte ranges of `range` that a representation of `size` bytes can satisfy, in the order
 * requested, or `null` when none can (respond 416 with `Content-Range: bytes *` + `/size`).
 *
 * @remarks
 * RFC 9110 §14.1.1 and §14.1.2: `first-last` is cut to the representation, `first-` runs to its
 * end, `-n` is its last n bytes; a range starting at or after `size`, and `-0`, are
 * unsatisfiable. A suffix range on an empty representation is satisfiable but selects no bytes,
 * so the result is `[]` (send the empty representation with 200), not `null`. Overlapping and
 * out-of-order ranges are returned as requested: coalesce them, or refuse a request with many
 * small ranges, as your server prefers (RFC 9110 §14.2 allows both). Only the `bytes` unit is
 * resolved: a server ignores a Range with a unit it does not support, so check
 * `"ranges" in range` first.
 *
 * @throws TypeError when `range` is not a valid byte Range or `size` is not an integer from 0
 *   to `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * resolveRanges({ unit: "bytes", ranges: [{ first: 0, last: 499 }] }, 10000);  // [{ first: 0, last: 499 }]
 * resolveRanges({ unit: "bytes", ranges: [{ suffix: 500 }] }, 10000);          // [{ first: 9500, last: 9999 }]
 * resolveRanges({ unit: "bytes", ranges: [{ first: 10000 }] }, 10000);         // null: 416
 * ```
 * @public
 */
export function resolveRanges(range: Range, size: number): readonly ByteRange[] | null {
  try {
    if (!(Number.isSafeInteger(size) && size >= 0)) {
      throw new TypeError(`typed-headers: resolveRanges expects a size that is an integer from 0, got ${String(size)}`);
    }
    const specs = "ranges" in range && range.unit === "bytes" ? range.ranges : undefined;
    if (!Array.isArray(specs)) {
      throw new TypeError(
        'typed-headers: resolveRanges resolves byte ranges ({ unit: "bytes", ranges }); a server ignores a Range header with another unit (RFC 9110 §14.2)',
      );
    }
    // Speed trick: most requests hold one range, whose answer is a one-element array literal;
    // `push` onto an empty array would first allocate a backing store for 17 elements.
    if (specs.length === 1) {
      const only = resolveSpec(specs[0], size);
      return only === undefined ? null : only === EMPTY ? [] : [only];
    }
    const resolved: ByteRange[] = [];
    let satisfiable = false;
    for (const spec of specs) {
      const one = resolveSpec(spec, size);
      if (one === undefined) continue;
      satisfiable = true;
      if (one !== EMPTY) resolved.push(one);
    }
    return satisfiable ? resolved : null;
  } catch (error) {
    // A caller's Proxy or getter may throw anything: only the library's TypeError leaves.
    throw asLibraryError(error, "resolveRanges: its arguments");
  }
}

/** What {@link resolveSpec} gives for a suffix-range on an empty representation: satisfiable, selecting nothing. */
const EMPTY: ByteRange = /* @__PURE__ */ Object.freeze({ first: 0, last: -1 });

/** The bytes `spec` selects from a representation of `size` bytes, {@link EMPTY}, or undefined when it is unsatisfiable. */
function resolveSpec(spec: ByteRangeSpec | undefined, size: number): ByteRange | undefined {
  const { first, last, suffix } = spec as Partial<{ first: number; last: number; suffix: number }>;
  if (first === undefined) {
    if (!isRangeNumber(suffix)) throw invalidSpec(spec);
    if (suffix === 0) return undefined;
    return size === 0 ? EMPTY : { first: suffix < size ? size - suffix : 0, last: size - 1 };
  }
  if (!isRangeNumber(first) || (last !== undefined && !(isRangeNumber(last) && last >= first))) throw invalidSpec(spec);
  if (first >= size) return undefined;
  return { first, last: last !== undefined && last < size - 1 ? last : size - 1 };
}

function invalidSpec(spec: unknown): TypeError {
  let shown: string;
  try {
    shown = JSON.stringify(spec);
  } catch {
    shown = typeof spec;
  }
  return new TypeError(
    `typed-headers: resolveRanges: ${shown} is not a byte range ({ first, last? } with first <= last, or { suffix }, integers from 0)`,
  );
}
