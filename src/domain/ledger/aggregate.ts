/**
 * Ledger entries to the operating statement's figures: per target (organisation node or table
 * row), month and side (income or costs), in exact kronor with the sign the plan tables print —
 * income positive, costs negative, so that net = income + costs. Ledgers book the other way
 * round (debit positive: costs positive, income negative), so a booked amount changes sign here.
 *
 * Nothing is dropped silently: entries on accounts outside the operating statement (balance
 * sheet, class 8, others) are summed per account in `outside`; entries a rule excludes are
 * summed per rule in `excluded`; entries no rule matches are summed per code combination in
 * `unmapped`. The sum over cells, unmapped and excluded plus outside is the sum of the file.
 */
import type { Decimal } from 'decimal.js';
import type { Period } from '../period.ts';
import type { LedgerEntry } from './entry.ts';
import { accountClassifier, type AccountClass, type AccountOverride } from './kommun-bas.ts';
import { targetKey, type MappingRule, type MappingTarget } from './mapping.ts';
import { addOre, oreToKronor, type Ore } from './ore.ts';
import { ruleResolver } from './resolve.ts';

/** Income (intäkter) or costs (kostnader) of an operating statement. */
export type StatementSide = 'income' | 'costs';

/** One figure of the result: a target's income or costs of a month. */
export interface LedgerCell {
  target: MappingTarget;
  /** targetKey(target): "node:ifo-vuxna", "row:rr-ifo/personal". */
  key: string;
  period: Period;
  side: StatementSide;
  /** Kronor as the statement prints it: income positive, costs negative. */
  amount: Decimal;
  entries: number;
}

/** Entries of a code combination no rule matched. */
export interface UnmappedCodes {
  codes: Record<string, string>;
  /** Income and costs as the statement prints them. */
  income: Decimal;
  costs: Decimal;
  entries: number;
  /** The first line of the file with this combination. */
  firstLine: number;
  /** Up to ten of the accounts booked on it. */
  accounts: string[];
}

/** Entries a rule excluded on purpose. */
export interface ExcludedByRule {
  rule: number;
  reason: string;
  income: Decimal;
  costs: Decimal;
  entries: number;
}

/** Entries on an account outside the operating statement, as booked (debit positive). */
export interface OutsideAccount {
  account: string;
  class: Exclude<AccountClass, 'income' | 'cost'>;
  booked: Decimal;
  entries: number;
}

export interface LedgerAggregation {
  cells: LedgerCell[];
  unmapped: UnmappedCodes[];
  excluded: ExcludedByRule[];
  outside: OutsideAccount[];
  /** The months that have entries, in order. */
  periods: Period[];
  entries: number;
  /** The sum of every entry as booked (0 for a balanced SIE file with its balance accounts). */
  booked: Decimal;
}

type Mapping = { rules: ReadonlyArray<MappingRule>; accounts: ReadonlyArray<AccountOverride> };

interface Sums {
  income: Ore;
  costs: Ore;
  entries: number;
  /** How many of the entries were income. */
  incomeEntries: number;
}

/** Adds entries one by one (as a stream delivers them) and gives the aggregation at the end. */
export class LedgerAggregator {
  private readonly classify: (account: string) => AccountClass;
  private readonly resolve: (entry: LedgerEntry) => number;
  /** Per target (the rules' targets, one slot per distinct target), per month: the sums. */
  private readonly cells = new Map<number, Map<Period, Sums>>();
  private readonly slots: number[];
  private readonly targets: Array<{ target: MappingTarget; key: string }> = [];
  private readonly unmapped = new Map<string, Sums & { codes: Record<string, string>; firstLine: number; accounts: Set<string> }>();
  private readonly excluded = new Map<number, Sums>();
  private readonly outside = new Map<string, { cls: OutsideAccount['class']; ore: Ore; entries: number }>();
  private readonly periods = new Set<Period>();
  private entries = 0;
  private booked: Ore = 0;

  constructor(private readonly mapping: Mapping) {
    this.classify = accountClassifier(mapping.accounts);
    this.resolve = ruleResolver(mapping.rules);
    // Rules with the same target add into the same figures.
    const slotByKey = new Map<string, number>();
    this.slots = mapping.rules.map((rule) => {
      const key = targetKey(rule.target);
      let slot = slotByKey.get(key);
      if (slot === undefined) {
        slot = this.targets.push({ target: rule.target, key }) - 1;
        slotByKey.set(key, slot);
      }
      return slot;
    });
  }

  /** Counts one entry in. */
  add(entry: LedgerEntry): void {
    this.entries++;
    this.booked = addOre(this.booked, entry.amount);
    this.periods.add(entry.period);
    const cls = this.classify(entry.account);
    if (cls !== 'income' && cls !== 'cost') return this.addOutside(entry, cls);
    const side: StatementSide = cls === 'income' ? 'income' : 'costs';
    const statement = entry.amount === 0 ? 0 : -entry.amount; // booked debit-positive → printed income-positive
    const index = this.resolve(entry);
    const rule = this.mapping.rules[index];
    if (rule === undefined) return this.addUnmapped(entry, side, statement);
    if ('exclude' in rule.target) return this.addExcluded(index, side, statement);
    const slot = this.slots[index]!;
    let months = this.cells.get(slot);
    if (months === undefined) {
      months = new Map();
      this.cells.set(slot, months);
    }
    let sums = months.get(entry.period);
    if (sums === undefined) {
      sums = { income: 0, costs: 0, entries: 0, incomeEntries: 0 };
      months.set(entry.period, sums);
    }
    addTo(sums, side, statement);
  }

  /** Counts many entries in. */
  addAll(entries: Iterable<LedgerEntry>): void {
    for (const entry of entries) this.add(entry);
  }

  /** The aggregation of everything added, in a stable order. */
  result(): LedgerAggregation {
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return {
      cells: [...this.cells.entries()]
        .flatMap(([slot, months]) => [...months.entries()].flatMap(([period, sums]) => cellsOf(this.targets[slot]!, period, sums)))
        .sort((a, b) => byText(a.key, b.key) || byText(a.period, b.period) || byText(a.side, b.side)),
      unmapped: [...this.unmapped.entries()]
        .sort(([a], [b]) => byText(a, b))
        .map(([, sums]) => ({
          codes: sums.codes,
          income: oreToKronor(sums.income),
          costs: oreToKronor(sums.costs),
          entries: sums.entries,
          firstLine: sums.firstLine,
          accounts: [...sums.accounts].sort(byText),
        })),
      excluded: [...this.excluded.entries()]
        .sort(([a], [b]) => a - b)
        .map(([rule, sums]) => {
          const target = this.mapping.rules[rule]!.target;
          return { rule, reason: 'reason' in target ? target.reason : '', income: oreToKronor(sums.income), costs: oreToKronor(sums.costs), entries: sums.entries };
        }),
      outside: [...this.outside.entries()]
        .sort(([a], [b]) => byText(a, b))
        .map(([account, sums]) => ({ account, class: sums.cls, booked: oreToKronor(sums.ore), entries: sums.entries })),
      periods: [...this.periods].sort(byText),
      entries: this.entries,
      booked: oreToKronor(this.booked),
    };
  }

  private addOutside(entry: LedgerEntry, cls: OutsideAccount['class']): void {
    const sums = this.outside.get(entry.account);
    if (sums === undefined) this.outside.set(entry.account, { cls, ore: entry.amount, entries: 1 });
    else {
      sums.ore = addOre(sums.ore, entry.amount);
      sums.entries++;
    }
  }

  private addUnmapped(entry: LedgerEntry, side: StatementSide, statement: Ore): void {
    const key = codesKey(entry.codes);
    let sums = this.unmapped.get(key);
    if (sums === undefined) {
      sums = { codes: { ...entry.codes }, income: 0, costs: 0, entries: 0, incomeEntries: 0, firstLine: entry.line, accounts: new Set() };
      this.unmapped.set(key, sums);
    }
    addTo(sums, side, statement);
    if (sums.accounts.size < 10) sums.accounts.add(entry.account);
  }

  private addExcluded(rule: number, side: StatementSide, statement: Ore): void {
    let sums = this.excluded.get(rule);
    if (sums === undefined) {
      sums = { income: 0, costs: 0, entries: 0, incomeEntries: 0 };
      this.excluded.set(rule, sums);
    }
    addTo(sums, side, statement);
  }
}

/** Aggregates a whole list of entries (for a stream, feed a LedgerAggregator). */
export function aggregateLedger(entries: Iterable<LedgerEntry>, mapping: Mapping): LedgerAggregation {
  const aggregator = new LedgerAggregator(mapping);
  aggregator.addAll(entries);
  return aggregator.result();
}

function addTo(sums: Sums, side: StatementSide, statement: Ore): void {
  if (side === 'income') {
    sums.income = addOre(sums.income, statement);
    sums.incomeEntries++;
  } else sums.costs = addOre(sums.costs, statement);
  sums.entries++;
}

/** The income and costs cells of a target's month (a side without entries has no cell). */
function cellsOf(target: { target: MappingTarget; key: string }, period: Period, sums: Sums): LedgerCell[] {
  const cells: LedgerCell[] = [];
  if (sums.incomeEntries > 0) cells.push({ ...target, period, side: 'income', amount: oreToKronor(sums.income), entries: sums.incomeEntries });
  const costEntries = sums.entries - sums.incomeEntries;
  if (costEntries > 0) cells.push({ ...target, period, side: 'costs', amount: oreToKronor(sums.costs), entries: costEntries });
  return cells;
}

function codesKey(codes: Readonly<Record<string, string>>): string {
  return Object.keys(codes)
    .sort()
    .map((dimension) => `${dimension}=${codes[dimension]}`)
    .join('\u0001');
}
