import { parseTokenList } from "../syntax/list.js";
import { fail, type ParseResult } from "../syntax/result.js";
import { parseSingle, scanTrue, TRUE } from "../syntax/single.js";
import { isLowercaseToken, isToken } from "../syntax/token.js";
import { invalidValue, type RegisteredDefinition } from "./definition.js";

// Definitions shared by headers with the same grammar.

/** A header whose only value is the literal `true` (case-sensitive). @internal */
export function trueHeader<Name extends string>(name: Name): RegisteredDefinition<Name, true> {
  return {
    name,
    reusable: true,
    // Speed trick (exact-value shortcut): "true" is by far the most common input, so it is
    // answered by one comparison before any scanning.
    parse: (value) => (value === "true" ? TRUE : parseSingle(value, scanTrue)),
    serialize: (value) => (value === true ? "true" : invalidValue(name, value, "the literal true (omit the header to deny)")),
  };
}

/** What a list header holds. @internal */
export interface TokenListOptions {
  /** Lowercase members (field names) rather than keep their case (methods). */
  readonly lowercase: boolean;
  /** Require at least one member (`1#` rather than `#`). */
  readonly nonEmpty: boolean;
  /** What one member is, for messages: "method", "field name". */
  readonly member: string;
}

/** A `#token` / `1#token` list header whose value is the array of its members. @internal */
export function tokenListHeader<Name extends string, Member extends string>(
  name: Name,
  options: TokenListOptions,
): RegisteredDefinition<Name, readonly Member[]> {
  const { lowercase, nonEmpty, member } = options;
  const expected = `${nonEmpty ? "a non-empty" : "an"} array of ${lowercase ? "lowercase " : ""}tokens (${member}s)`;
  return {
    name,
    reusable: true,
    parse: (value) => {
      const result = parseTokenList(value, lowercase, `a ${member}`);
      if (result.ok && nonEmpty && result.value.length === 0) {
        return fail("empty-list", `expected at least one ${member}, found none.`);
      }
      return result as ParseResult<readonly Member[]>;
    },
    serialize: (value) => {
      const members = tokenArraySnapshot(value, lowercase);
      return members !== undefined && !(nonEmpty && members.length === 0)
        ? members.join(", ")
        : invalidValue(name, value, expected);
    },
    merge: appendNew,
  };
}

/** `existing` followed by the members of `added` it does not already hold. @internal */
export function appendNew<Member>(existing: readonly Member[], added: readonly Member[]): readonly Member[] {
  const merged = [...existing];
  for (const member of added) if (!merged.includes(member)) merged.push(member);
  return merged;
}

/**
 * A copy of `value` if it is an array of tokens (lowercase ones when `lowercase`), else undefined.
 * Serializers check and join this copy, never the caller's array again: each index is read once,
 * so an array whose getters, iterator or Proxy traps answer differently on a second read cannot
 * get anything past the check.
 * @internal
 */
export function tokenArraySnapshot(value: unknown, lowercase: boolean): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const length = (value as readonly unknown[]).length;
  const members: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const member: unknown = (value as readonly unknown[])[i];
    if (typeof member !== "string" || !(lowercase ? isLowercaseToken(member) : isToken(member))) return undefined;
    members[i] = member;
  }
  return members;
}
