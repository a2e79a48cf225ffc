import { invalidValue } from "./definition.js";
import { arraySnapshot } from "../syntax/array-snapshot.js";

/**
 * Serializes an array header: each member read once through `member` (which returns its text,
 * or undefined when the member is invalid), joined with ", ". Anything else — not an array, an
 * invalid member, a getter or proxy that throws — is the serializers' TypeError, naming
 * `expected`.
 * @internal
 */
export function serializeMembers(
  name: string,
  value: unknown,
  member: (item: unknown) => string | undefined,
  expected: string,
): string {
  const items = arraySnapshot(value);
  let parts: string[] | undefined;
  if (items !== undefined) {
    parts = [];
    try {
      for (const item of items) {
        const part = member(item);
        if (part === undefined) {
          parts = undefined;
          break;
        }
        parts.push(part);
      }
    } catch {
      parts = undefined;
    }
  }
  return parts === undefined ? invalidValue(name, value, expected) : parts.join(", ");
}
