// The error corsPolicy throws for a configuration it refuses: every problem at once, as text for
// people and as a list for programs (a configuration UI, a startup check that reports to a log).

/**
 * One reason a {@link corsPolicy} configuration is refused.
 *
 * @example
 * ```ts
 * const problem: CorsConfigProblem = {
 *   setting: "origins",
 *   value: "https://app.example/",
 *   reason: '"https://app.example/" is not a serialized origin or pattern: …',
 * };
 * ```
 * @public
 */
export interface CorsConfigProblem {
  /** The setting at fault: `origins`, `credentials`, `methods`, `allowedHeaders`, `exposedHeaders`, `maxAge`, `privateNetwork`, or an unknown key as written. */
  readonly setting: string;
  /** The refused value as given: a list member, the whole setting, or `undefined` when a setting is missing. */
  readonly value: unknown;
  /** Why it is refused and, where there is one, what to write instead (one sentence or two, for people). */
  readonly reason: string;
}

/**
 * The `TypeError` that {@link corsPolicy} throws for a configuration it refuses. `problems` lists
 * every problem found (never empty); the message lists them too, one per line.
 *
 * @example
 * ```ts
 * try {
 *   corsPolicy(JSON.parse(process.env.CORS_CONFIG ?? "{}"));
 * } catch (error) {
 *   if (!(error instanceof CorsConfigError)) throw error;
 *   for (const { setting, reason } of error.problems) console.error(`CORS_CONFIG ${setting}: ${reason}`);
 * }
 * ```
 * @public
 */
export class CorsConfigError extends TypeError {
  /** Every problem found, in the order of the settings. */
  readonly problems: readonly CorsConfigProblem[];

  /**
   * An error listing `problems` (at least one), each read once into a frozen copy.
   * @throws TypeError when `problems` is not a non-empty array of `{ setting, value, reason }`
   *   with string `setting` and `reason`.
   */
  constructor(problems: readonly CorsConfigProblem[]) {
    const list = snapshot(problems);
    const count = list.length === 1 ? "1 problem" : `${list.length} problems`;
    super(`typed-headers: corsPolicy: ${count}:\n- ${list.map((p) => `${p.setting}: ${p.reason}`).join("\n- ")}`);
    this.name = "CorsConfigError";
    this.problems = Object.freeze(list);
  }
}

/** A frozen copy of `problems`, each member read once; a TypeError of ours for anything else. */
function snapshot(problems: unknown): CorsConfigProblem[] {
  const list: CorsConfigProblem[] = [];
  try {
    if (Array.isArray(problems)) {
      for (let i = 0; i < problems.length; i++) {
        const { setting, value, reason } = (problems[i] ?? {}) as Partial<CorsConfigProblem>;
        if (typeof setting !== "string" || typeof reason !== "string") break;
        list.push(Object.freeze({ setting, value, reason }));
      }
      if (list.length === problems.length && list.length > 0) return list;
    }
  } catch {
    // A getter or Proxy threw: the same answer as for any other value that is not a list.
  }
  throw new TypeError("typed-headers: CorsConfigError expects a non-empty array of { setting, value, reason }.");
}
