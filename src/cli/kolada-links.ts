/**
 * `styrkort kolada links PLAN [--year ÅÅÅÅ]`: the plan's measures linked to Kolada, each KPI with
 * the own value, the comparison group's unweighted mean and the country for the year.
 */
import { StyrkortError } from '../domain/errors.ts';
import { formatAmount } from '../domain/format.ts';
import { isYearPeriod } from '../domain/period.ts';
import { koladaProvenance } from '../domain/kolada/links.ts';
import { genderNames } from '../domain/kolada/model.ts';
import { comparisonYear, planKoladaComparisons, type MeasureComparison } from '../services/kolada-plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function koladaLinksCommand(plan: string, options: GlobalOptions & { year?: string }): Promise<void> {
  if (options.year !== undefined && !isYearPeriod(options.year)) throw new StyrkortError('usage', `--year "${options.year}" är inget år; ange ÅÅÅÅ, t.ex. 2022`);
  const { comparisons } = await withDatabase(options, 'styrkort kolada links', ({ db }) => planKoladaComparisons(db, plan));
  if (comparisons.length === 0) {
    console.log(`Inga mått i ${plan} är kopplade till Kolada (PUT /api/plans/${plan}/kolada/{indicator|volume}/{mått} eller sidan Jämförelse).`);
    return;
  }
  console.log('Mått\tNyckeltal\tÅr\tKommunen\tGruppens medelvärde (ovägt)\tJämförelsegrupp\tRiket\tKälla');
  for (const line of comparisons.map((c) => formatLine(c, options.year === undefined ? undefined : Number(options.year)))) console.log(line);
  console.log('Medelvärdet är beräknat av Styrkort ur Koladas värden (medlemmar utan värde räknas inte).');
}

function formatLine(c: MeasureComparison, wanted: number | undefined): string {
  const label = `${c.measure.label} (${c.measure.itemType === 'indicator' ? 'styrtal' : 'volym'} ${c.measure.measure})`;
  const gender = c.series?.years[0]?.gender;
  const kpi = `${c.kpi.kpi} ${c.kpi.title ?? ''}`.trim() + (gender && gender !== 'T' ? ` (${genderNames[gender]})` : '');
  if (!c.series) return `${label}\t${kpi}\t–\t–\t–\t–\t–\t${c.problem ?? ''}`;
  const year = comparisonYear(c.series, wanted);
  const figures = c.series.years.find((y) => y.year === year);
  const group = c.series.group?.title ?? '(ingen grupp)';
  if (!figures) return `${label}\t${kpi}\t${year ?? '–'}\t–\t–\t${group}\t–\t${koladaProvenance(c.kpi.publicationDate)}`;
  return [label, kpi, String(year), formatAmount(figures.own.value), formatAmount(figures.group?.statistics.mean ?? null, { decimals: 6 }), group, formatAmount(figures.country), koladaProvenance(c.kpi.publicationDate)].join('\t');
}
