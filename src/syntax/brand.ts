declare const brand: unique symbol;

/**
 * A `T` that has been checked to be a valid `Name`. Only the companion constructors
 * (`X.parse`, `X.from`, `X.is`) produce one; a plain `T` is not assignable to it.
 *
 * @example
 * ```ts
 * type UserId = Brand<string, "UserId">;
 * const id = "u1" as UserId;   // only a constructor should do this cast
 * ```
 * @public
 */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
