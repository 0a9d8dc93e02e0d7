/**
 * The status legend (teckenförklaring) printed with an indicator table: what each status means
 * under the plan's rule (src/domain/status-rule.ts), so a printed scorecard can be read without the
 * system. A report prints it under its status table; a plan document only when the plan has a rule.
 */
import type { Status } from '../domain/status-band.ts';
import { statusLegend, type StatusRule } from '../domain/status-rule.ts';
import type { RichBlock } from './rich.ts';

/** The legend as table notes: a lead line, then one paragraph per status, its name in bold. */
export function legendNotes(rule: StatusRule | undefined, shown?: readonly Status[]): RichBlock[] {
  const lead: RichBlock = { kind: 'paragraph', runs: [{ text: 'Teckenförklaring:', bold: true }] };
  const lines: RichBlock[] = statusLegend(rule, shown).map((entry) => ({ kind: 'paragraph', runs: [{ text: entry.label, bold: true }, { text: ` – ${entry.text}` }] }));
  return [lead, ...lines];
}
