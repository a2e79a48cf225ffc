// Weights ("quality values") of the Accept* headers.
//
//   weight = OWS ";" OWS "q=" qvalue
//   qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )      (RFC 9110 §12.4.2)
// The parameter name "q" is case-insensitive; 0 means "not acceptable".

/**
 * A value with the client's preference for it: `weight` from 0 (not acceptable) to 1 (the
 * default), with at most three decimals.
 *
 * @example
 * ```ts
 * const gzip: Weighted<string> = { value: "gzip", weight: 0.8 };   // "gzip;q=0.8"
 * ```
 * @public
 */
export interface Weighted<T> {
  /** What is weighted: a content coding, a language range. */
  readonly value: T;
  /** From 0 to 1, at most three decimals. */
  readonly weight: number;
}

/**
 * Parses `s[start, end)` as a qvalue: the weight in thousandths (0 to 1000), or -1.
 * @internal
 */
export function scanQvalue(s: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1 || length > 5) return -1;
  const units = s.charCodeAt(start) - 0x30;
  if (units !== 0 && units !== 1) return -1;
  if (length === 1) return units * 1000;
  if (s.charCodeAt(start + 1) !== 0x2e) return -1;
  let thousandths = 0;
  for (let k = 0; k < 3; k++) {
    const i = start + 2 + k;
    const digit = i < end ? s.charCodeAt(i) - 0x30 : 0;
    if (digit < 0 || digit > 9 || (units === 1 && digit !== 0)) return -1;
    thousandths = thousandths * 10 + digit;
  }
  return units * 1000 + thousandths;
}

/** Whether `weight` is a number from 0 to 1 with at most three decimals. @internal */
export function isWeight(weight: unknown): weight is number {
  return typeof weight === "number" && weight >= 0 && weight <= 1 && Math.round(weight * 1000) / 1000 === weight;
}

/** The `;q=…` suffix for `weight` (valid), or "" for the default weight 1. @internal */
export function weightSuffix(weight: number): string {
  return weight === 1 ? "" : `;q=${String(weight)}`;
}
