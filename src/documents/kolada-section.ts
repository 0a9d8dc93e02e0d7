/**
 * "Jämförelse med andra kommuner" in a follow-up report: each measure linked to Kolada with the
 * municipality's value, its comparison group's unweighted mean and place, and the country, for the
 * report's year (or the latest year before it with a value), marked "Källa: Kolada".
 */
import type { Decimal } from 'decimal.js';
import { formatAmount } from '../domain/format.ts';
import { printPrecision } from '../domain/kolada/statistics.ts';
import { plainParagraph } from './rich.ts';
import { figureCell, maxPortraitColumns, textCell, type Block, type TableBlock } from './view-model.ts';

/** One linked measure's KPI as the report prints it. */
export interface KoladaReportRow {
  measure: string;
  kpi: string;
  kpiTitle: string | null;
  /** null: no value of the municipality up to the report's year. */
  year: number | null;
  gender: 'T' | 'K' | 'M';
  own: Decimal | null;
  groupMean: Decimal | null;
  place: { place: number; of: number } | null;
  country: Decimal | null;
  group: string | null;
  /** "Källa: Kolada, publicerad 2025-02-22". */
  source: string;
}

const genderWords = { T: '', K: ' (kvinnor)', M: ' (män)' } as const;

/** The comparison table with its source notes; nothing when no measure is linked. */
export function koladaComparisonBlocks(rows: readonly KoladaReportRow[]): Block[] {
  if (rows.length === 0) return [];
  const figure = (value: Decimal | null, decimals: number) => (value === null ? textCell('–') : figureCell(formatAmount(value, { decimals })));
  const body = rows.map((row) => {
    const decimals = Math.min(printPrecision([row.own, row.groupMean, row.country].filter((v): v is Decimal => v !== null)), 2);
    return {
      role: 'data' as const,
      cells: [
        textCell(row.measure),
        textCell(`${row.kpi} ${row.kpiTitle ?? ''}`.trim() + genderWords[row.gender]),
        textCell(row.year === null ? '–' : String(row.year)),
        figure(row.own, decimals),
        figure(row.groupMean, decimals),
        textCell(row.place ? `${row.place.place} av ${row.place.of}` : '–'),
        figure(row.country, decimals),
      ],
    };
  });
  const groups = [...new Set(rows.map((row) => row.group).filter((g): g is string => g !== null))];
  const sources = [...new Set(rows.map((row) => row.source))];
  const table: TableBlock = {
    kind: 'table',
    id: 'uppfoljning-jamforelse',
    title: 'Jämförelse med andra kommuner (Källa: Kolada)',
    columns: [{ kind: 'label' }, { kind: 'label' }, { kind: 'label' }, { kind: 'figure' }, { kind: 'figure' }, { kind: 'label' }, { kind: 'figure' }],
    header: [[textCell('Mått'), textCell('Nyckeltal'), textCell('År'), textCell('Kommunen'), textCell('Jämförelsegruppens medelvärde'), textCell('Plats i gruppen'), textCell('Riket')]],
    body,
    footnotes: [],
    notes: [
      ...sources.map((source) => plainParagraph(source)),
      ...(groups.length ? [plainParagraph(`Jämförelsegrupp: ${groups.join('; ')}.`)] : []),
      plainParagraph('Medelvärde (ovägt) och plats är beräknade av Styrkort ur Koladas värden; kommuner utan värde räknas inte. Lägst värde har plats 1 om inte styrtalet säger att högre är bättre.'),
    ],
    wide: 7 > maxPortraitColumns,
  };
  return [table];
}
