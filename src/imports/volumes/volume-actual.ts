/**
 * A volume or indicator actual as read from a file: the measure as the file names it (a key or a
 * label), a period, the figure as printed with its exact value (missing stays missing), and an
 * optional breakdown (kvinnor, män, egen regi …). Which plan row a measure is follows from
 * resolve-measures.ts.
 */
import type { Figure } from '../../domain/figure.ts';
import type { Period } from '../../domain/period.ts';

export interface VolumeActual {
  line: number;
  measure: string;
  period: Period;
  figure: Figure;
  breakdown: string | null;
}

/** A column of a wide table that is not read as actuals, and why. */
export interface SkippedColumn {
  header: string;
  reason: string;
}
