// Reading a few named headers of a plain record (Node's req.headers) in one walk over its keys,
// for the request paths that need only those: the CORS decision and the precondition checks.
import { type HeaderRecord, lines } from "./sources.js";

const OBJECT_PROTOTYPE = Object.prototype;

/** A few lowercase header names that {@link pickRecordLines} reads together. @internal */
export interface PickedNames {
  /** The names, lowercase. */
  readonly names: readonly string[];
  /** A bit per name length (`& 31`): a key whose bit is clear is none of the names. */
  readonly lengths: number;
  /**
   * By first letter (`& 31`, so either case), a bit per name length: the same test, finer. Bits
   * shared by other characters or lengths only cost a comparison.
   */
  readonly candidates: readonly number[];
}

/** The {@link PickedNames} of `names` (lowercase header names). @internal */
export function pickedNames(names: readonly string[]): PickedNames {
  const candidates = Array.from({ length: 32 }, () => 0);
  let lengths = 0;
  for (const name of names) {
    lengths |= 1 << (name.length & 31);
    candidates[name.charCodeAt(0) & 31]! |= 1 << (name.length & 31);
  }
  return { names, lengths, candidates };
}

/**
 * `found` (as many `undefined` as `wanted` has names, an array literal at the call: cheaper to
 * make than a copy) with the lines of each name in `headers`, joined with ", " as
 * `HeaderMap.getRaw` joins them, when `headers` is a plain record the walk can settle; else
 * undefined, and the caller reads through a `HeaderMap`, which gives the same answers.
 *
 * @remarks
 * Speed trick: a `HeaderMap` looks each name up on its own, and a name that is absent costs a
 * scan of the keys for it in another case (see `RecordSource`). One walk over the record's keys
 * settles every wanted name at once: a key is compared only when its length and first letter
 * (in either case) may be a wanted name's, so most of a request's keys (accept…, user-agent, host…)
 * cost a length. The walk gives up, leaving the record to the `HeaderMap`,
 * when it meets a wanted name in another case (a hand-made `{ Origin: … }`, where `RecordSource`
 * decides which key wins) or when reading the record throws (a hostile Proxy).
 * @internal
 */
export function pickRecordLines(
  headers: unknown,
  wanted: PickedNames,
  found: (string | undefined)[],
): (string | undefined)[] | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const { names, lengths, candidates } = wanted;
  try {
    // sources.ts's isPlainRecord, written out: V8 does not inline that call here, and the
    // If-None-Match benchmark measured the call at about 8 % of evaluatePreconditions.
    const prototype: unknown = Object.getPrototypeOf(headers);
    if (prototype !== OBJECT_PROTOTYPE && prototype !== null) return undefined;
    const record = headers as HeaderRecord;
    // for-in walks V8's cached key list without copying it, and visits inherited keys too: a
    // wanted key is read only when it is the record's own (a polluted Object.prototype adds no header).
    for (const key in record) {
      // A key that lowercases to a name has its length (the one character whose lowercase is
      // longer, U+0130, lowercases to U+0307 and a letter, in no header name).
      const length = 1 << (key.length & 31);
      if ((lengths & length) === 0) continue;
      const first = key.charCodeAt(0);
      // Past 0x7f: a non-ASCII letter may lowercase to an ASCII one (K, the Kelvin sign, to "k").
      if (first <= 0x7f && ((candidates[first & 31] as number) & length) === 0) continue;
      let at = 0;
      while (at < names.length && names[at] !== key) at++;
      if (at < names.length) {
        if (Object.hasOwn(record, key)) found[at] = joined(record[key]);
      } else if (names.includes(key.toLowerCase())) return undefined;
    }
  } catch {
    return undefined;
  }
  return found;
}

/** A record's value as `HeaderMap.getRaw` gives it: its lines joined with ", ", or undefined. */
function joined(value: HeaderRecord[string]): string | undefined {
  if (typeof value === "string") return value;
  const found = lines(value);
  return found === undefined || typeof found === "string" ? found : found.join(", ");
}
