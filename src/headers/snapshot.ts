/**
 * The members of `value` read once, in a private array, or `undefined` when `value` is not an
 * array or reading it throws (a proxy, a getter): the first step of every function that takes
 * an array from a caller and must neither throw on it nor see it change midway.
 * @internal
 */
export function snapshotArray(value: unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    const copy: unknown[] = [];
    for (let k = 0; k < length; k++) copy.push(value[k]);
    return copy;
  } catch {
    return undefined;
  }
}
