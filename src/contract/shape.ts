/**
 * How a response schema is tied to the domain type its presenter returns: `Wire<T>` is a domain
 * type as JSON (Decimal values arrive as their text), and `Exactly<A, B>` is true only when two
 * types match both ways — so a schema that drifts from the domain fails the type check instead
 * of silently dropping a field from the response.
 */
import type { Decimal } from 'decimal.js';

/** A domain type as JSON: Decimal values become their string form, Dates their ISO text, the rest stays as it is. */
export type Wire<T> = T extends Decimal
  ? string
  : T extends Date
    ? string
    : T extends Array<infer U>
      ? Array<Wire<U>>
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** True when A and B are the same type (each assignable to the other). */
export type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails to compile unless its type argument is `true`: `sameShape<Exactly<Schema, Wire<Domain>>>()`. */
export function sameShape<T extends true>(): T | undefined {
  return undefined;
}
