// Running a header definition on untrusted input: the checks and error details shared by the
// registry (parseHeader, serializeHeader, HeaderMap) and the standalone header codecs.
import { describeChar, indexOfForbiddenChar, isOws } from "../syntax/chars.js";
import { kindOf } from "../syntax/describe.js";
import type { HeaderError, ParseResult } from "../syntax/result.js";
import type { RegisteredDefinition } from "./definition.js";

/**
 * One header's parser and serializer: the one shape of a header in the library. Every built-in
 * header exports one (`originHeader` … `varyHeader`, also from `typed-headers/headers`, so a
 * bundle that handles one header carries only its grammar), and `defineHeader` returns one.
 * `parseHeader(name, v)` is `codec.parse(v)` for the codec registered under `name`.
 *
 * @example
 * ```ts
 * import { accessControlMaxAgeHeader, DeltaSeconds } from "typed-headers/headers";
 * accessControlMaxAgeHeader.parse("600");    // { ok: true, value: 600 }
 * accessControlMaxAgeHeader.serialize(DeltaSeconds.from(600));  // "600"
 * ```
 * @public
 */
export interface HeaderCodec<Name extends string, Value> {
  /** The header name, lowercase. */
  readonly name: Name;
  /** Parses the header exactly as `parseHeader(name, value)` does. Never throws. */
  readonly parse: (value: FieldLines) => ParseResult<Value>;
  /** Serializes exactly as `serializeHeader(name, value)` does; throws `TypeError` for an invalid value. */
  readonly serialize: (value: Value) => string;
  /**
   * For list headers: the value after `added` is appended to `existing` (what `HeaderMap.append`
   * does). Headers without it hold one value.
   */
  readonly merge?: ((existing: Value, added: Value) => Value) | undefined;
}

/**
 * What a header's value can be given as: one field line, the field lines in order, or absent.
 *
 * @example
 * ```ts
 * parseHeader("vary", "Origin");                       // one field line
 * parseHeader("vary", ["Origin", "Accept-Encoding"]);  // two lines of a repeated header
 * parseHeader("vary", undefined);                      // absent: error "missing"
 * ```
 * @public
 */
export type FieldLines = string | readonly string[] | null | undefined;

/**
 * The codec of a header's definition: its parser behind the checks every header shares (absent
 * header, non-string input, the error's header name), and its serializer behind the output check
 * and the memo of {@link serializeWith}.
 *
 * Speed trick (last-line memo): clients send the same values on every request (one page's
 * `Origin`, the same `Access-Control-Request-Headers`), so a header marked `reusable` remembers
 * the value of its last successful parse and, when the next line is the same string, answers
 * with one string comparison instead of a parse. Each caller still gets its own result object
 * (and its own copy of an array value), so no caller can change what another one sees. Lines
 * longer than {@link REUSED_LINE_LIMIT} are not remembered: the memo would keep a large string
 * alive, and comparing it costs about as much as parsing it.
 * @internal
 */
export function codecOf<Name extends string, Value>(definition: RegisteredDefinition<Name, Value>): HeaderCodec<Name, Value> {
  const parse = definition.parse;
  const reusable = definition.reusable === true;
  let lastLine: string | undefined;
  let lastValue: Value | undefined;
  return {
    name: definition.name,
    parse: (value) => {
      if (typeof value !== "string") return parseWith(definition, value);
      if (value === lastLine) return { ok: true, value: copyOf(lastValue as Value) };
      const result = parse(value);
      if (!result.ok) return failure(value, result.error, definition.name);
      if (reusable && value.length <= REUSED_LINE_LIMIT) {
        lastLine = value;
        lastValue = copyOf(result.value);
      }
      return result;
    },
    serialize: (value) => serializeWith(definition, value),
    merge: definition.merge,
  };
}

/** The longest line a reusable header's codec remembers (see {@link codecOf}). */
const REUSED_LINE_LIMIT = 256;

/** A reusable header's value for another caller: a primitive as it is, an array copied. */
function copyOf<Value>(value: Value): Value {
  return (Array.isArray(value) ? value.slice() : value) as Value;
}

/**
 * Parses `value` with `definition`, checking the input's shape. An array is read once into a
 * private copy (its getters or Proxy traps run once, and may not throw anything out), and the
 * definition parses the copy. Never throws.
 * @internal
 */
export function parseWith<Value>(definition: RegisteredDefinition<string, Value>, value: unknown): ParseResult<Value> {
  let lines: string | readonly string[];
  if (typeof value === "string") lines = value;
  else {
    const read = readLines(value);
    if (!Array.isArray(read)) return attach(read as HeaderError, definition.name);
    lines = read;
  }
  const result = definition.parse(lines);
  return result.ok ? result : failure(lines, result.error, definition.name);
}

/** The error result of the header `name` whose `lines` its grammar refused with `error`. */
function failure(lines: string | readonly string[], error: HeaderError, name: string): ParseResult<never> {
  return attach(forbiddenCharError(lines) ?? error, name);
}

/** A copy of `value`'s lines if it is a non-empty array of strings, else why not. */
function readLines(value: unknown): string[] | HeaderError {
  try {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      return { code: "missing", header: "", message: "the header is absent." };
    }
    if (!Array.isArray(value)) return notLines(value);
    const lines: string[] = [];
    const length = (value as readonly unknown[]).length;
    for (let i = 0; i < length; i++) {
      const line: unknown = (value as readonly unknown[])[i];
      if (typeof line !== "string") return notLines(line);
      lines.push(line);
    }
    return lines;
  } catch {
    return { code: "invalid-input", header: "", message: "the field lines could not be read (a getter or Proxy threw)." };
  }
}

function notLines(found: unknown): HeaderError {
  return { code: "invalid-input", header: "", message: `expected a string or an array of strings, found ${kindOf(found)}.` };
}

/**
 * The `invalid-character` error for the first CR, LF, NUL or character above U+00FF in the
 * field lines, if any. Built-in grammars reject these characters anyway; this names the cause.
 */
export function forbiddenCharError(value: string | readonly string[]): HeaderError | undefined {
  let base = 0;
  for (const line of typeof value === "string" ? [value] : value) {
    const i = indexOfForbiddenChar(line);
    if (i !== -1) {
      return {
        code: "invalid-character",
        header: "",
        message: `found ${describeChar(line, i)} at offset ${base + i}: no field value holds CR, LF, NUL or a character above U+00FF.`,
        offset: base + i,
      };
    }
    base += line.length + 2;
  }
  return undefined;
}

/**
 * The `invalid-input` error of the header `name` when its field lines could not be read: the
 * caller's source threw, or held something other than strings.
 * @internal
 */
export function unreadableLines(name: string): ParseResult<never> {
  return attach({ code: "invalid-input", header: "", message: "its field lines could not be read as strings." }, name);
}

/** `error` for the header `name`, its message prefixed with the name as written in docs (`Access-Control-Max-Age`). */
function attach(error: HeaderError, name: string): ParseResult<never> {
  const displayName = name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
  return { ok: false, error: { ...error, header: name, message: `${displayName}: ${error.message}` } };
}

/**
 * Serializes `value` with `definition`, and checks what it emits: whatever a serializer does with
 * a hostile value (a Proxy, a getter that answers differently on each read), the output is a
 * field value or the call throws the library's `TypeError`.
 *
 * The output for the last value serialized is reused when the same value comes again: servers
 * set the same configured values on every response, and validating them is most of the cost.
 * Only values that cannot change are remembered — primitives and frozen objects — so a hit needs
 * no other check (a frozen object's getter could still answer differently, but the output it
 * maps to was checked when it was made).
 *
 * Speed trick (trusted builders): scanning the output costs more than building it for a long
 * line assembled from checked pieces (V8 must first flatten the concatenation), so a definition
 * marked `checksOwnOutput` — `Set-Cookie`, whose serializer validates the name, the value and
 * every attribute before it joins them — skips the scan; it still must return a string.
 * @internal
 */
export function serializeWith<Value>(definition: RegisteredDefinition<string, Value>, value: Value): string {
  const last = definition.lastSerialized;
  if (last !== undefined && last[0] === value) return last[1];
  let output: unknown;
  let unchanging = typeof value !== "object" || value === null;
  try {
    output = definition.serialize(value);
    unchanging ||= Object.isFrozen(value);
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith("typed-headers:")) throw error;
    output = undefined; // reading the value threw
  }
  if (typeof output !== "string" || (definition.checksOwnOutput !== true && !isFieldValue(output))) {
    throw new TypeError(`typed-headers: cannot serialize ${definition.name}: not a valid field value.`);
  }
  if (unchanging) definition.lastSerialized = [value, output];
  return output;
}

/** Whether `s` can be sent as a field value: no CR/LF/NUL, bytes only, no surrounding SP/HTAB. @internal */
export function isFieldValue(s: string): boolean {
  return indexOfForbiddenChar(s) === -1 && !isOws(s.charCodeAt(0)) && !isOws(s.charCodeAt(s.length - 1));
}
