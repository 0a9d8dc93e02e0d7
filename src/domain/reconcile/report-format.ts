/**
 * A reconciliation report as Swedish terminal lines, for the CLI; the findings' own texts are
 * written by the checks, this only orders, groups and counts them. Gaps are listed one by one:
 * each is a real discrepancy. Roundings and notes of the same kind in the same table are one line
 * with a count, so fifty rounded sums do not drown the one gap.
 */
import type { Finding, FindingKind, ReconciliationReport, Severity } from './types.ts';

const SEVERITY_WORDS: Record<Severity, string> = { gap: 'AVVIKELSE', rounding: 'AVRUNDNING', info: 'NOTERING', ok: 'STÄMMER' };

/** What a group of findings of one kind says, with how many there are. */
const GROUP_WORDS: Partial<Record<FindingKind, string>> = {
  net: 'nettobelopp inom avrundning från intäkter och kostnader',
  'net-without-parts': 'nettobelopp anges utan intäkter och kostnader',
  'net-parts-incomplete': 'nettobelopp kan inte stämmas av: intäkter eller kostnader saknas',
  deviation: 'avvikelser inom avrundning från utfall och budget',
  'deviation-without-parts': 'avvikelser anges utan utfall och budget',
  'deviation-parts-incomplete': 'avvikelser kan inte stämmas av: utfall eller budget saknas',
  sum: 'summor inom avrundning från sina rader',
  'sum-without-parts': 'summor anges utan belopp i raderna',
  rollup: 'summor inom avrundning från delarnas tabeller',
  'rollup-incomplete': 'summor kan inte stämmas av: värde saknas i någon del',
  'unit-total': 'rader inom avrundning från enhetens egen tabell',
  'unit-total-incomplete': 'rader saknar total i enhetens egen tabell',
  'capital-column-total': 'kolumnsummor inom avrundning',
  'capital-row-total': 'radsummor inom avrundning',
  'capital-total-without-rows': 'summor anges utan några rader',
};

/** Swedish lines for a terminal: gaps first, then rounding, then notes, then how many figures agreed. */
export function formatReconciliationReport(report: ReconciliationReport, options: { confirmed?: boolean } = {}): string[] {
  const lines: string[] = [];
  const severities = options.confirmed ? (['gap', 'rounding', 'info', 'ok'] as const) : (['gap', 'rounding', 'info'] as const);
  for (const severity of severities) {
    const findings = report.findings.filter((f) => f.severity === severity);
    const grouped = severity === 'rounding' || severity === 'info';
    for (const group of grouped ? groupFindings(findings) : findings.map((f) => [f])) lines.push(groupLine(severity, group));
  }
  const { confirmed, gap, rounding, info } = report.counts;
  lines.push(
    `${report.planKey}: ${confirmed} ${confirmed === 1 ? 'kontroll stämmer' : 'kontroller stämmer'} exakt; ` +
      `${gap} ${gap === 1 ? 'avvikelse' : 'avvikelser'}, ${rounding} ${rounding === 1 ? 'avrundning' : 'avrundningar'}, ` +
      `${info} ${info === 1 ? 'notering' : 'noteringar'}`,
  );
  return lines;
}

/** Findings of the same kind in the same table, in the order they were found. */
export function groupFindings(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const id = GROUP_WORDS[finding.kind] ? `${finding.tableKey}|${finding.kind}` : `${finding.tableKey}|${finding.kind}|${groups.size}`;
    groups.set(id, [...(groups.get(id) ?? []), finding]);
  }
  return [...groups.values()];
}

function groupLine(severity: Severity, group: Finding[]): string {
  const [first] = group as [Finding, ...Finding[]];
  if (group.length === 1) {
    return [SEVERITY_WORDS[severity], first.tableKey, first.columnLabel, `${first.label}: ${first.summary}`].filter((part) => part).join('  ');
  }
  // A rounding names its size, which its summary carries as "(skillnad 0,1 mnkr)".
  const size = (f: Finding) => (severity === 'rounding' ? /\(skillnad ([^)]*)\)/.exec(f.summary)?.[1] : undefined);
  const places = group.map((f) => [f.label, f.columnLabel, size(f) && `(${size(f)})`].filter(Boolean).join(' ')).join('; ');
  return `${SEVERITY_WORDS[severity]}  ${first.tableKey}  ${group.length} ${GROUP_WORDS[first.kind]}: ${places}`;
}
