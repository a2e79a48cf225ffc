// Reading captured HTTP header blocks: `curl -i` / `curl -v` output, raw HTTP messages, or plain
// "Name: value" lines.
import { trimOws } from "../syntax/chars.js";

/** One header block of a capture: its start line (if any) and its field lines in order. */
export interface HeaderBlock {
  /** "HTTP/1.1 204 No Content", "OPTIONS /x HTTP/1.1", or "" for bare lines. */
  readonly startLine: string;
  /** The status code of a response block, if it has one. */
  readonly status: number | undefined;
  readonly headers: [string, string][];
}

const STATUS_LINE = /^HTTP\/[0-9.]+ ([0-9]{3})\b/;
const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/[0-9.]+$/;

/**
 * Splits a capture into header blocks. `curl -v` prefixes ("< ", "> ") are removed; a new block
 * starts at each status or request line (so `HTTP/1.1 100 Continue` and redirects give several);
 * a blank line ends the headers of a block (what follows is its body). Lines without a colon are
 * reported as problems.
 */
export function readCapture(text: string): { blocks: HeaderBlock[]; problems: string[] } {
  const blocks: HeaderBlock[] = [];
  const problems: string[] = [];
  let current: { startLine: string; status: number | undefined; headers: [string, string][] } | undefined;
  let inBody = false;
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    let line = rawLine;
    if (line.startsWith("< ") || line.startsWith("> ")) line = line.slice(2);
    else if (line.startsWith("* ") || line.startsWith("{ ") || line.startsWith("} ")) continue; // curl -v notes
    const status = STATUS_LINE.exec(line);
    if (status !== null || REQUEST_LINE.test(line)) {
      current = { startLine: line, status: status === null ? undefined : Number(status[1]), headers: [] };
      blocks.push(current);
      inBody = false;
      continue;
    }
    if (line.trim() === "") {
      // The blank line ends a block's header section, even an empty one: what follows is a body.
      if (current !== undefined) inBody = true;
      continue;
    }
    if (inBody) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) {
      problems.push(`line ${index + 1}: not a header line: ${JSON.stringify(line.slice(0, 80))}`);
      continue;
    }
    if (current === undefined) {
      current = { startLine: "", status: undefined, headers: [] };
      blocks.push(current);
    }
    // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5): the value, and so the error
    // offsets reported on it, start after the OWS, as in-process parsing of the value does.
    current.headers.push([line.slice(0, colon), trimOws(line.slice(colon + 1))]);
  }
  return { blocks, problems };
}
