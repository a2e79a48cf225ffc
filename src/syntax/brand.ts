/**
 * A `T` that has been checked to be a valid `Name`. Only the companion constructors
 * (`X.parse`, `X.from`, `X.is`) produce one; a plain `T` is not assignable to it.
 *
 * @remarks
 * The brand is a property with a string key, not a `unique symbol`: every entry point
 * (`typed-headers`, `/headers`, `/cors`, `/node`) and both module formats ship their own type
 * declarations, and a symbol declared in each would make their brands different types. With a
 * string key an `Origin` made through one entry point is an `Origin` to all the others. Public so
 * that a library defining its own header can brand its value types the same way.
 *
 * @example
 * ```ts
 * type UserId = Brand<string, "UserId">;
 * const id = "u1" as UserId;   // only a constructor should do this cast
 * ```
 * @public
 */
export type Brand<T, Name extends string> = T & { readonly "typed-headers.brand": Name };
