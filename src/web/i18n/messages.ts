/** The shape every language's texts must have: Swedish is the source, others match it key for key. */
import { sv } from './sv.ts';

type Widen<T> = T extends string ? string : T extends (...args: infer A) => infer R ? (...args: A) => R : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof sv>;
export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
