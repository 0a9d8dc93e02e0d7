/**
 * Money units as tables print them: "tkr", "mnkr", "Mkr", "miljoner kronor" … A table keeps the
 * spelling it printed; what the spelling means (its scale) is read here, in one place.
 */

/** kr = 1, tkr = 1 000, mnkr = 1 000 000. */
export type MoneyScale = 1 | 1_000 | 1_000_000;

const SPELLINGS: Record<string, MoneyScale> = {
  kr: 1,
  kronor: 1,
  tkr: 1_000,
  'tusen kronor': 1_000,
  'tusental kronor': 1_000,
  mnkr: 1_000_000,
  mkr: 1_000_000,
  'milj kr': 1_000_000,
  'miljoner kronor': 1_000_000,
};

/** The scale of a printed money unit ("Mkr" → 1 000 000), or null when it is not one. */
export function moneyScale(printed: string): MoneyScale | null {
  const normal = printed.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
  return SPELLINGS[normal] ?? null;
}

/** Whether a text is a money unit Styrkort understands (kr, tkr, mnkr and their spellings). */
export function isMoneyUnit(printed: string): boolean {
  return moneyScale(printed) !== null;
}

/** The units a user may type, for messages. */
export const moneyUnitExamples = 'kr, tkr, mnkr (även mkr, Mkr, miljoner kronor)';
