/**
 * A reconciliation report as Swedish terminal lines, for the CLI; the findings' own texts are
 * written by the checks, this only orders and counts them.
 */
import type { ReconciliationReport, Severity } from './types.ts';

const SEVERITY_WORDS: Record<Severity, string> = { gap: 'AVVIKELSE', rounding: 'AVRUNDNING', info: 'NOTERING', ok: 'STÄMMER' };

/** Swedish lines for a terminal: gaps first, then rounding, then notes, then how many figures agreed. */
export function formatReconciliationReport(report: ReconciliationReport, options: { confirmed?: boolean } = {}): string[] {
  const lines: string[] = [];
  const severities = options.confirmed ? (['gap', 'rounding', 'info', 'ok'] as const) : (['gap', 'rounding', 'info'] as const);
  for (const severity of severities) {
    for (const finding of report.findings.filter((f) => f.severity === severity)) {
      const parts = [SEVERITY_WORDS[severity], finding.tableKey, finding.columnLabel, `${finding.label}: ${finding.summary}`];
      lines.push(parts.filter((part) => part).join('  '));
    }
  }
  const { confirmed, gap, rounding, info } = report.counts;
  lines.push(
    `${report.planKey}: ${confirmed} ${confirmed === 1 ? 'kontroll stämmer' : 'kontroller stämmer'} exakt; ` +
      `${gap} ${gap === 1 ? 'avvikelse' : 'avvikelser'}, ${rounding} ${rounding === 1 ? 'avrundning' : 'avrundningar'}, ` +
      `${info} ${info === 1 ? 'notering' : 'noteringar'}`,
  );
  return lines;
}
