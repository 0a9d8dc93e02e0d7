/**
 * Accounts by the municipal chart of accounts Kommun-Bas (SKR; the classes as in Kommun-Bas 13,
 * e.g. Heby kommun's konteringshandbok, https://docplayer.se/amp/49741431-Handbok-h-for-kontering-fran.html):
 * class 1 assets and 2 equity and liabilities are the balance sheet; class 3 is the operation's
 * income; 4 (goods and services bought), 5 (staff) and 6–7 (other operating costs) its costs;
 * class 8 (taxes, general state grants, financial items) lies outside a committee's operating
 * statement. Classes 0 and 9 (internal and calculation accounts, as a municipality uses them) and
 * accounts that are not digits are 'other'. A mapping can override this for account ranges.
 */
import { compilePattern } from './code-pattern.ts';

export const accountClasses = ['income', 'cost', 'financial', 'balance', 'other', 'excluded'] as const;
/** What an account is in an operating statement: intäkt, kostnad, or outside it. */
export type AccountClass = (typeof accountClasses)[number];

/** Swedish names of the classes, for reports. */
export const accountClassNames: Record<AccountClass, string> = {
  income: 'intäkt (kontoklass 3)',
  cost: 'kostnad (kontoklass 4–7)',
  financial: 'skatter, statsbidrag och finansiella poster (kontoklass 8)',
  balance: 'balansräkning (kontoklass 1–2)',
  other: 'övrigt (kontoklass 0, 9 eller inte ett kontonummer)',
  excluded: 'undantaget i mappningen',
};

/** The class of an account by its first digit. */
export function kommunBasClass(account: string): AccountClass {
  if (!/^\d/.test(account)) return 'other';
  switch (account[0]) {
    case '1':
    case '2':
      return 'balance';
    case '3':
      return 'income';
    case '4':
    case '5':
    case '6':
    case '7':
      return 'cost';
    case '8':
      return 'financial';
    default:
      return 'other';
  }
}

/** An override of the class of some accounts (the first that matches wins). */
export interface AccountOverride {
  accounts: string;
  class: AccountClass;
}

/** A classifier: Kommun-Bas, with the mapping's overrides first. Cached per account. */
export function accountClassifier(overrides: ReadonlyArray<AccountOverride>): (account: string) => AccountClass {
  const compiled = overrides.map((override) => ({ test: compilePattern(override.accounts), cls: override.class }));
  const cache = new Map<string, AccountClass>();
  return (account) => {
    let cls = cache.get(account);
    if (cls === undefined) {
      cls = compiled.find((override) => override.test(account))?.cls ?? kommunBasClass(account);
      cache.set(account, cls);
    }
    return cls;
  };
}
