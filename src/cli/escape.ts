// Making text from a capture or the command line safe to print in a terminal. A capture is
// untrusted: an ESC or C1 control in a header value could otherwise move the cursor, rewrite
// earlier lines, change the window title or, with OSC 52, write the user's clipboard; bidi
// controls could make a value read differently from what it is.

/**
 * C0 controls (LF included: a printed line stays one line), DEL, C1 controls, and the Unicode
 * format characters that reorder or hide text (bidi embeddings, overrides and isolates, the
 * line and paragraph separators).
 */
const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/** The same without C0, which JSON.stringify escapes inside strings (a raw LF in JSON text is layout). */
const CONTROL_LEFT_BY_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `\xHH` for a code unit up to U+00FF, `\uHHHH` above. */
function escaped(c: string): string {
  const code = c.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * `text` with every terminal control character written as a visible escape (`\x1B`, `\x0D`,
 * `\u202E`), for human-readable output.
 * @internal
 */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_CONTROL, escaped);
}

/**
 * JSON text with the control characters JSON leaves raw (DEL, C1, bidi and separators) written
 * as `\uHHHH` escapes: the same JSON value, safe to print. (JSON.stringify already escapes C0.)
 * @internal
 */
export function escapeControlsInJson(json: string): string {
  return json.replace(CONTROL_LEFT_BY_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
