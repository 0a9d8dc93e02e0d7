/**
 * `styrkort import-ledger FILE --mapping NAME [--plan PLAN] [--dry-run]`: a ledger (SIE 4, CSV or
 * Excel) summed by a mapping into each unit's outcome per month in the plan's economic tables. The
 * dry run prints the table per unit and month and everything that fell outside it, with sums.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { formatAmount } from '../domain/format.ts';
import { accountClassNames } from '../domain/ledger/kommun-bas.ts';
import { parseLedgerMapping, type LedgerMapping } from '../domain/ledger/mapping.ts';
import { formatPeriod } from '../domain/period.ts';
import { readJsonBytes } from '../domain/json-input.ts';
import { importLedger, type LedgerOutcome } from '../services/import-ledger-service.ts';
import { namedEncoding } from '../services/import-file.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { oneOf } from './import-actuals.ts';
import { openImportFile, outcomeLines, progressBar } from './import-progress.ts';

export interface ImportLedgerCliOptions extends GlobalOptions {
  mapping: string;
  plan?: string;
  dryRun?: boolean;
  source?: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  decimal?: string;
}

export async function importLedgerCommand(file: string, options: ImportLedgerCliOptions): Promise<void> {
  const decimal = oneOf(options.decimal, [',', '.'] as const, '--decimal');
  const delimiter = oneOf(options.delimiter, [';', ',', '\t'] as const, '--delimiter');
  const mapping = mappingArgument(options.mapping);
  const { stream, size } = openImportFile(file);
  const bar = progressBar(size);
  try {
    const outcome = await withDatabase(options, 'styrkort import-ledger', ({ db }) =>
      importLedger(db, {
        planKey: options.plan,
        mapping,
        source: stream,
        fileName: file,
        actor: process.env.USER ?? 'cli',
        dryRun: options.dryRun,
        sourceSystem: options.source,
        onProgress: (progress) => bar.update(progress),
        read: { encoding: namedEncoding(options.encoding), delimiter, decimal, sheet: options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet },
      }),
    );
    bar.stop();
    for (const line of ledgerLines(outcome)) console.log(line);
  } finally {
    bar.stop();
  }
}

/** A stored mapping's key, or a mapping file (a path to a .json file that exists). */
function mappingArgument(name: string): string | LedgerMapping {
  if (!name.toLowerCase().endsWith('.json') || !existsSync(name)) return name;
  return parseLedgerMapping(readJsonBytes(readFileSync(name), 'Filen'));
}

const kr = (value: Decimal) => formatAmount(value.dividedBy(1000), { decimals: 0 });

/** The outcome and, for a dry run, the table per unit and month (tkr) and what fell outside it. */
export function ledgerLines(outcome: LedgerOutcome): string[] {
  const lines = outcomeLines(outcome, outcome.planKey).filter((line, i) => i < 2 || outcome.status !== 'dry-run');
  if (outcome.status !== 'dry-run') return [...lines, ...outsideLines(outcome)];
  lines.push('', `Utfall per enhet och månad (tkr, intäkter positiva, kostnader negativa) enligt mappningen ${outcome.mappingKey}:`);
  for (const unit of outcome.placed.units) {
    lines.push('', `${unit.label} → ${unit.table ?? 'ingen tabell i planen: skrivs inte'}`, 'Månad\tIntäkter\tKostnader\tNetto');
    for (const month of unit.months) lines.push(`${formatPeriod(month.period)}\t${kr(month.income)}\t${kr(month.costs)}\t${kr(month.net)}`);
  }
  return [...lines, ...outsideLines(outcome)];
}

function outsideLines(outcome: LedgerOutcome): string[] {
  const { unmapped, excluded, outside } = outcome.aggregation;
  const lines: string[] = [];
  const unplaced = outcome.placed.units.filter((unit) => unit.table === null);
  if (outcome.status !== 'dry-run' && unplaced.length > 0) {
    lines.push('', 'Enheter utan tabell i planen (skrevs inte):');
    for (const unit of unplaced) lines.push(`  ${unit.label}\tnetto ${kr(unit.months.reduce((sum, month) => sum.plus(month.net), new Decimal(0)))} tkr`);
  }
  if (unmapped.length > 0) {
    lines.push('', 'Omappade koder (ingen regel passar; inte inlästa):', 'Koder\tIntäkter\tKostnader\tRader\tFörsta rad\tKonton');
    for (const entry of unmapped) {
      const codes = Object.entries(entry.codes).map(([dimension, code]) => `${dimension}=${code}`).join(' ');
      lines.push(`${codes}\t${kr(entry.income)}\t${kr(entry.costs)}\t${entry.entries}\t${entry.firstLine}\t${entry.accounts.join(', ')}`);
    }
  }
  if (excluded.length > 0) {
    lines.push('', 'Undantaget av mappningen:');
    for (const entry of excluded) lines.push(`  regel ${entry.rule + 1}: ${entry.reason}\tintäkter ${kr(entry.income)}\tkostnader ${kr(entry.costs)}\t${entry.entries} rader`);
  }
  if (outside.length > 0) {
    lines.push('', 'Konton utanför resultaträkningen (som bokförda, tkr):');
    for (const entry of outside) lines.push(`  ${entry.account}\t${accountClassNames[entry.class]}\t${kr(entry.booked)}\t${entry.entries} rader`);
  }
  return lines;
}

