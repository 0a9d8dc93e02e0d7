/**
 * The ledger mapping (mappning) of a municipality: how the economy system's code strings become
 * Styrkort's organisation nodes and table rows, and which accounts count as income and cost.
 * Kept as a file (JSON, schema in schemas/ledger-mapping.schema.json) and edited in the web app.
 *
 * - `rules` are read top down; the first rule whose every condition matches decides an entry's
 *   target: an organisation node, a row of a table, or an explicit exclusion with its reason. A
 *   condition names a dimension (`responsibility`, `activity`, `account`, or a SIE dimension
 *   number such as `"6"`) and a code pattern (code-pattern.ts).
 * - `accounts` overrides Kommun-Bas's classes for account patterns (the first match wins).
 * - `sie` says which SIE dimensions hold responsibility and activity; `columns` names the columns
 *   of a CSV or Excel ledger.
 * Entries no rule matches are never dropped: the aggregation lists them with their sums.
 */
import { z } from 'zod';
import { StyrkortError } from '../errors.ts';
import { issuesToProblems, swedishErrorMap } from '../swedish-issues.ts';
import { patternProblem } from './code-pattern.ts';
import { accountClasses } from './kommun-bas.ts';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'Nyckeln får bara innehålla a–z, 0–9 och . _ : -')
  .max(120);
const label = z.string().trim().min(1, 'Får inte vara tom').max(500);
const pattern = z
  .string()
  .max(60)
  .superRefine((value, context) => {
    const problem = patternProblem(value);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('Kodmönster: en kod (5310), ett prefix (53*), ett intervall som jämför de första siffrorna (5300-5399) eller * för alla');
const dimension = z.string().regex(/^\d+$/, 'Ett SIE-dimensionsnummer består av siffror, t.ex. "1"');
const header = z.string().trim().min(1, 'Ange kolumnens rubrik').max(200);

export const MappingTarget = z.union(
  [
    z.object({ node: key }).strict(),
    z.object({ table: key, row: key }).strict(),
    z.object({ exclude: z.literal(true), reason: label }).strict(),
  ],
  { error: 'Målet ska vara { "node": … }, { "table": …, "row": … } eller { "exclude": true, "reason": … }' },
).describe('En organisationsnod, en rad i en tabell, eller ett uttryckligt undantag med skäl');
export type MappingTarget = z.infer<typeof MappingTarget>;

export const MappingRule = z
  .object({
    /** Conditions by dimension: all must match. */
    match: z
      .record(z.string().min(1), pattern)
      .refine((conditions) => Object.keys(conditions).length > 0, 'En regel behöver minst ett villkor, t.ex. { "responsibility": "5310" }')
      .describe('Villkor per dimension (responsibility = ansvar, activity = verksamhet, account = konto, eller ett SIE-dimensionsnummer); alla ska passa'),
    target: MappingTarget,
    note: z.string().max(1_000).optional(),
  })
  .strict();
export type MappingRule = z.infer<typeof MappingRule>;

export const AccountOverrideSchema = z
  .object({ accounts: pattern, class: z.enum(accountClasses), note: z.string().max(1_000).optional() })
  .strict();

export const LedgerColumns = z
  .object({
    period: header,
    account: header,
    amount: header,
    responsibility: header.optional(),
    activity: header.optional(),
    /** Further code columns by dimension name: { "project": "Projekt" }. */
    codes: z.record(key, header).optional(),
  })
  .strict();
export type LedgerColumns = z.infer<typeof LedgerColumns>;

export const LedgerMapping = z
  .object({
    format: z.literal('styrkort-ledger-mapping', { error: 'Formatet ska vara "styrkort-ledger-mapping"' }),
    formatVersion: z.literal(1, { error: 'Formatversionen ska vara 1' }),
    key,
    name: label,
    /** The municipality's official code (kommunkod), e.g. "2262" for Timrå. */
    municipality: z.string().regex(/^\d{4}$/, 'Kommunkoden är fyra siffror, t.ex. "2262"'),
    sie: z
      .object({
        responsibility: dimension.optional(),
        activity: dimension.optional(),
        /** Read vouchers (#TRANS) or period balances (#PSALDO); by the file's #SIETYP when left out. */
        source: z.enum(['transactions', 'period-balances']).optional(),
      })
      .strict()
      .optional()
      .describe('Vilka SIE-dimensioner som är ansvar och verksamhet, och om verifikationer eller periodsaldon läses'),
    columns: LedgerColumns.optional().describe('Kolumnrubrikerna i en huvudbok som CSV- eller Excel-fil'),
    /** Amounts in CSV and Excel ledgers: as booked (debit positive, the default) or the other way round. */
    amountSign: z
      .enum(['debit-positive', 'credit-positive'])
      .default('debit-positive')
      .describe('Belopp i CSV och Excel: som bokförda (debet positivt) eller tvärtom'),
    accounts: z.array(AccountOverrideSchema).default([]).describe('Undantag från Kommun-Bas kontoklasser; den första som passar gäller'),
    rules: z.array(MappingRule).describe('Reglerna läses uppifrån; den första vars villkor alla passar bestämmer målet'),
  })
  .strict();
export type LedgerMapping = z.infer<typeof LedgerMapping>;
export type LedgerMappingInput = z.input<typeof LedgerMapping>;

/** Validates a mapping file; a bad one throws every problem with its JSON path, in Swedish. */
export function parseLedgerMapping(input: unknown): LedgerMapping {
  const parsed = LedgerMapping.safeParse(input, { error: swedishErrorMap });
  if (parsed.success) return parsed.data;
  const problems = issuesToProblems(parsed.error.issues);
  throw new StyrkortError('validation', `Mappningsfilen har ${problems.length} fel.`, problems);
}

/** The key of a target, for grouping and for messages: "node:ifo-vuxna", "row:rr-ifo/personal", "exclude". */
export function targetKey(target: MappingTarget): string {
  if ('node' in target) return `node:${target.node}`;
  if ('table' in target) return `row:${target.table}/${target.row}`;
  return 'exclude';
}
