/**
 * Which mapping rule an entry falls under: the first rule (top down) whose every condition
 * matches. A condition on `account` tests the account; any other names a code dimension, and an
 * entry without that code has the empty code there (which only `*` matches). Results are cached
 * per distinct code combination, so a million entries over a few hundred code strings cost a few
 * hundred rule scans.
 */
import { compilePattern } from './code-pattern.ts';
import type { LedgerEntry } from './entry.ts';
import type { MappingRule } from './mapping.ts';

/** The index of the rule an entry falls under, or -1 when none does. */
export type RuleResolver = (entry: Pick<LedgerEntry, 'account' | 'codes'>) => number;

/** A resolver for the rules, in their order. */
export function ruleResolver(rules: ReadonlyArray<Pick<MappingRule, 'match'>>): RuleResolver {
  const compiled = rules.map((rule) =>
    Object.entries(rule.match).map(([dimension, pattern]) => ({ dimension, test: compilePattern(pattern) })),
  );
  const dimensions = [...new Set(compiled.flatMap((conditions) => conditions.map((condition) => condition.dimension)))];
  const cache = new Map<string, number>();
  return (entry) => {
    let key = codeOf(entry, dimensions[0] ?? 'account');
    for (let i = 1; i < dimensions.length; i++) key += `\u0001${codeOf(entry, dimensions[i]!)}`;
    let index = cache.get(key);
    if (index === undefined) {
      index = compiled.findIndex((conditions) => conditions.every((condition) => condition.test(codeOf(entry, condition.dimension))));
      cache.set(key, index);
    }
    return index;
  };
}

function codeOf(entry: Pick<LedgerEntry, 'account' | 'codes'>, dimension: string): string {
  return dimension === 'account' ? entry.account : (entry.codes[dimension] ?? '');
}
