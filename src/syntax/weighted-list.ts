import { describeChar, isOws, isTchar } from "./chars.js";
import { scanQuotedString, unquote } from "./quoted-string.js";
import { fail, ok, type Failure, type HeaderErrorCode, type ParseResult } from "./result.js";
import { scanQvalue } from "./weight.js";

// The lists of the Accept* headers (RFC 9110 §12.5, §5.6.1, §5.6.6):
//   #( element *( OWS ";" OWS [ parameter ] ) )
//   parameter       = parameter-name "=" parameter-value
//   parameter-name  = token
//   parameter-value = ( token / quoted-string )
// A parameter named "q" (any case) is the weight, wherever it stands (§12.5.1: "recipients SHOULD
// process any parameter named q as weight, regardless of parameter ordering"); its value must be
// a qvalue. Empty members are skipped (§5.6.1); one bad member fails the whole header, with its
// offset. Field lines are read joined with ", ", which §5.3 makes equivalent to separate lines.

/**
 * Scans one list element starting at `s[start]` (not OWS, not ","): the index one past it, or
 * `-(i + 1)` for the first character `i` that breaks its grammar.
 * @internal
 */
export type ElementScanner = (s: string, start: number, end: number) => number;

/** How a list's members are read and what they are called in errors. @internal */
export interface WeightedListGrammar<T> {
  /** Scans the element before the parameters. */
  readonly element: ElementScanner;
  /** Whether parameters other than "q" are allowed (media ranges) or not (codings, languages). */
  readonly parameters: boolean;
  /** The code for a bad element, e.g. `"invalid-media-range"`. */
  readonly code: HeaderErrorCode;
  /** What an element is, for messages: "a media range". */
  readonly what: string;
  /** Builds a member from the element `s[start, stop)`, its parameters (if any) and its weight. */
  readonly member: (s: string, start: number, stop: number, parameters: Map<string, string> | undefined, weight: number) => T;
}

/** Parses a weighted list from one field line or several (joined with ", "). @internal */
export function parseWeightedList<T>(value: string | readonly string[], grammar: WeightedListGrammar<T>): ParseResult<T[]> {
  const s = typeof value === "string" ? value : value.join(", ");
  const end = s.length;
  const members: T[] = [];
  let i = 0;
  for (;;) {
    while (i < end && (isOws(s.charCodeAt(i)) || s.charCodeAt(i) === 0x2c)) i++;
    if (i === end) return ok(members);
    const start = i;
    const stop = grammar.element(s, start, end);
    if (stop < 0) return badElement(s, -stop - 1, grammar);
    i = stop;
    let weight = 1000;
    let weighted = false;
    let parameters: Map<string, string> | undefined;
    for (;;) {
      let j = i;
      while (j < end && isOws(s.charCodeAt(j))) j++;
      if (j === end || s.charCodeAt(j) === 0x2c) {
        i = j;
        break;
      }
      if (s.charCodeAt(j) !== 0x3b) return badElement(s, j, grammar);
      j++;
      while (j < end && isOws(s.charCodeAt(j))) j++;
      const nameStart = j;
      while (j < end && isTchar(s.charCodeAt(j))) j++;
      if (j === nameStart) {
        // An empty parameter ("text/html;"), allowed by the grammar.
        i = j;
        if (j === end || s.charCodeAt(j) === 0x2c || s.charCodeAt(j) === 0x3b) continue;
        return badParameter(s, j, "a parameter name (a token)");
      }
      const nameEnd = j;
      if (j === end || s.charCodeAt(j) !== 0x3d) return badParameter(s, j, `"=" after the parameter name`);
      j++;
      const valueStart = j;
      const isQ = nameEnd - nameStart === 1 && (s.charCodeAt(nameStart) | 0x20) === 0x71;
      if (j < end && s.charCodeAt(j) === 0x22 && !isQ) {
        j = scanQuotedString(s, j, end);
        if (j < 0) return badParameter(s, -j - 1, "a closed quoted string");
      } else {
        while (j < end && isTchar(s.charCodeAt(j))) j++;
        if (j === valueStart && !isQ) return badParameter(s, j, "a parameter value (a token or a quoted string)");
      }
      i = j;
      if (isQ) {
        if (weighted) return fail("invalid-weight", `found a second weight ("q") at offset ${nameStart}.`, nameStart);
        weight = scanQvalue(s, valueStart, j);
        if (weight < 0) {
          return fail(
            "invalid-weight",
            `expected a weight from 0 to 1 with at most three decimals, found ${found(s, valueStart, j)} at offset ${valueStart}.`,
            valueStart,
          );
        }
        weighted = true;
      } else if (!grammar.parameters) {
        return badParameter(s, nameStart, `only a weight ("q=") after ${grammar.what}`);
      } else {
        parameters ??= new Map();
        const name = s.slice(nameStart, nameEnd).toLowerCase();
        const parameter = s.charCodeAt(valueStart) === 0x22 ? unquote(s, valueStart, j) : s.slice(valueStart, j);
        if (!parameters.has(name)) parameters.set(name, parameter);
      }
    }
    members.push(grammar.member(s, start, stop, parameters, weight / 1000));
  }
}

/** `s[start, stop)` quoted for a message, or the character at `start` when the range is empty. */
function found(s: string, start: number, stop: number): string {
  if (start < stop) return `"${s.slice(start, stop)}"`;
  return start === s.length ? "the end of the value" : describeChar(s, start);
}

function badElement(s: string, i: number, grammar: WeightedListGrammar<unknown>): Failure {
  return fail(grammar.code, `expected ${grammar.what}, found ${found(s, i, i)} at offset ${i}: the whole header is ignored.`, i);
}

function badParameter(s: string, i: number, expected: string): Failure {
  return fail(
    "invalid-parameter",
    `expected ${expected}, found ${found(s, i, i)} at offset ${i}: the whole header is ignored.`,
    i,
  );
}
