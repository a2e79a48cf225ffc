/**
 * A plain copy of `value`'s members if it is an array, read once with a plain loop, or
 * undefined when it is not an array or reading it throws (a Proxy, a getter). Serializers
 * validate and emit from the copy, so a caller's array cannot change between the two.
 * @internal
 */
export function arraySnapshot(value: unknown): unknown[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    const copy: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) copy[i] = (value as unknown[])[i];
    return copy;
  } catch {
    return undefined;
  }
}
