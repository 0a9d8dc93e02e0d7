/**
 * The shape of a deviation (avvikelse) from plan, apart from deviations.ts so the modules that
 * find deviations of one kind (volume-deviations.ts) and the one that lists them all share it
 * without importing each other.
 */
import type { SubjectAnalyses } from './analyses.ts';
import type { BudgetLine } from './plan-constants.ts';

export type DeviationAnalysis = SubjectAnalyses;

export interface Deviation {
  kind: 'indicator' | 'volume' | 'budget';
  /** What analyses refer to: an indicator, a volume row or a budget table. */
  subject: string;
  label: string;
  /** Budget deviations: which line (income, costs, net) of which row of the table. */
  line?: BudgetLine;
  rowKey?: string;
  period: string;
  severity: 'red' | 'yellow';
  /** What the plan said, as printed: the target, the planned volume, the budget. */
  planned: string | null;
  /** What it is compared with, as printed: the outcome or the forecast. */
  actual: string | null;
  /** The difference, printed with sign (actual − planned). */
  difference: string | null;
  /** |difference| in per cent of the planned value (budget lines: of the table's budgeted costs), printed; null when it cannot be formed. */
  percent: string | null;
  /** Budget: true when the result is better than budgeted; otherwise null. */
  favourable: boolean | null;
  explanation: string;
  responsible: string | null;
  analysis: DeviationAnalysis;
}

/** A deviation before its analysis is attached, with the size it is ordered by. */
export type Finding = Omit<Deviation, 'analysis'> & { size: number };
