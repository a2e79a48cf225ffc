declare const brand: unique symbol;

/**
 * A `T` that has been checked to be a valid `Name`. Only the companion constructors
 * (`X.parse`, `X.from`, `X.is`) produce one; a plain `T` is not assignable to it.
 *
 * @public
 */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
