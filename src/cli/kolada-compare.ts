/**
 * `styrkort kolada compare KPI --year ÅÅÅÅ [--municipality KOD] [--group TITEL] [--gender T|K|M]`:
 * the own value, the comparison group's mean, minimum, quartiles, median and maximum, the own
 * place in the group and the country, per gender, with the group's ranking.
 */
import type { Decimal } from 'decimal.js';
import { StyrkortError } from '../domain/errors.ts';
import type { Comparison } from '../domain/kolada/compare.ts';
import { genderNames, genders, type Gender } from '../domain/kolada/model.ts';
import { printPrecision, type RankOrder } from '../domain/kolada/statistics.ts';
import { formatAmount } from '../domain/format.ts';
import { isYearPeriod } from '../domain/period.ts';
import { compareKpi, type ComparisonView } from '../services/kolada-compare-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export interface CompareOptions extends GlobalOptions {
  year: string;
  municipality?: string;
  group?: string;
  gender?: string;
  rankOrder?: string;
}

export async function koladaCompareCommand(kpi: string, options: CompareOptions): Promise<void> {
  const query = checkOptions(kpi, options);
  const views = await withDatabase(options, 'styrkort kolada compare', async ({ db }) => {
    const first = await compareKpi(db, { ...query, gender: query.genders[0] });
    const wanted = options.gender === undefined && first.kpi?.isDividedByGender ? genders : query.genders;
    const rest = await Promise.all(wanted.slice(1).map((gender) => compareKpi(db, { ...query, gender })));
    return [first, ...rest];
  });
  for (const line of formatComparisons(views)) console.log(line);
}

function hasAnyValue(view: ComparisonView): boolean {
  const c = view.comparison;
  return c.own.value !== null || c.country !== null || (c.group?.statistics.withValues ?? 0) > 0;
}

function checkOptions(kpi: string, options: CompareOptions): { kpi: string; year: number; municipality?: string; group?: string; genders: Gender[]; order: RankOrder } {
  if (!/^[A-Za-z]\d+$/.test(kpi)) throw new StyrkortError('usage', `"${kpi}" är inget nyckeltals id; ange t.ex. N31807`);
  if (!isYearPeriod(options.year)) throw new StyrkortError('usage', `--year "${options.year}" är inget år; ange ÅÅÅÅ, t.ex. 2022`);
  const gender = options.gender?.toUpperCase();
  if (gender !== undefined && !(genders as readonly string[]).includes(gender)) throw new StyrkortError('usage', `--gender "${options.gender}": ange T (totalt), K (kvinnor) eller M (män)`);
  const order = options.rankOrder ?? 'lowest-first';
  if (order !== 'lowest-first' && order !== 'highest-first') throw new StyrkortError('usage', `--rank-order "${order}": ange lowest-first (lägst värde är plats 1) eller highest-first`);
  return { kpi: kpi.toUpperCase(), year: Number(options.year), municipality: options.municipality, group: options.group, genders: [(gender as Gender | undefined) ?? 'T'], order };
}

/** Swedish genitive: "Timrås", but "Borås" and "Kalix" stay as they are. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The comparisons (one per gender) as lines: a heading, a table with a gender column, then the first gender's ranking. */
export function formatComparisons(all: ComparisonView[]): string[] {
  // A KPI split by gender may have values for women and men only: genders without any value are named, not tabled.
  const withValues = all.filter(hasAnyValue);
  const views = withValues.length > 0 ? withValues : all.slice(0, 1);
  const empty = all.filter((view) => !views.includes(view)).map((view) => genderNames[view.comparison.gender]);
  const first = views[0]!;
  const c = first.comparison;
  const own = first.municipality;
  const group = first.group;
  const lines = [
    `${c.kpi} ${first.kpi?.title ?? '(nyckeltalets metadata saknas)'}, ${c.year}`,
    group
      ? `${own.title} (${own.id}) jämförd med ${group.title} (${group.id}; ${group.members.length} kommuner) och riket`
      : `${own.title} (${own.id}) jämförd med riket (ingen jämförelsegrupp finns inläst för kommunen)`,
    `Källa: Kolada${first.kpi?.publicationDate ? ` (nyckeltalet publicerat ${first.kpi.publicationDate})` : ''}. Medelvärde, kvartiler och plats är beräknade av Styrkort ur Koladas värden.`,
    '',
    'Mått\tKön\tVärde',
  ];
  for (const view of views) lines.push(...figureRows(view.comparison, own.title));
  if (empty.length) lines.push(`Inga värden ${c.year} för: ${empty.join(', ')}`);
  lines.push('', `Plats: ${c.order === 'lowest-first' ? 'lägst' : 'högst'} värde = plats 1; lika värden delar plats. Kvartiler med linjär interpolation (som KVARTIL.INK).`);
  if (group && c.group) lines.push(...rankingRows(c));
  if (first.comparisonGroups.length > 1) lines.push('', `Andra jämförelsegrupper (--group): ${first.comparisonGroups.map((g) => g.area).join(', ')}`);
  return lines;
}

function figureRows(c: Comparison, ownTitle: string): string[] {
  const gender = genderNames[c.gender];
  const all = [c.own.value, c.country, ...(c.group?.ranking.map((r) => r.value) ?? [])].filter((v): v is Decimal => v !== null);
  const decimals = printPrecision(all);
  const exact = (value: Decimal | null) => formatAmount(value);
  const derived = (value: Decimal | null) => formatAmount(value, { decimals });
  const rows = [[ownTitle, exact(c.own.value)]];
  if (c.group) {
    const s = c.group.statistics;
    const place = c.group.ownPlace;
    rows.push(
      ['Gruppens medelvärde (ovägt)', derived(s.mean)],
      ['Gruppens minsta', exact(s.min)],
      ['Nedre kvartil', derived(s.lowerQuartile)],
      ['Median', derived(s.median)],
      ['Övre kvartil', derived(s.upperQuartile)],
      ['Gruppens största', exact(s.max)],
      [`${genitive(ownTitle)} plats i gruppen`, place ? `${place.place} av ${place.of}${place.tiedWith ? ` (delad med ${place.tiedWith})` : ''}` : '– (värde saknas)'],
      ['Kommuner med värde', `${s.withValues} av ${s.members}${s.missing.length ? ` (saknas: ${s.missing.map((m) => m.title).join(', ')})` : ''}`],
    );
  }
  rows.push(['Riket', exact(c.country)]);
  return rows.map(([label, value]) => `${label}\t${gender}\t${value}`);
}

function rankingRows(c: Comparison): string[] {
  const lines = ['', `Rangordning ${c.year}, ${genderNames[c.gender]}`, 'Plats\tKommun\tVärde'];
  for (const r of c.group!.ranking) lines.push(`${r.place}\t${r.title} (${r.id})${r.isOwn ? ' ◀' : ''}\t${formatAmount(r.value)}`);
  return lines;
}
