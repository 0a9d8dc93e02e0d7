/**
 * What a unit writes for an item (bidrag): a text and, where the item is assessed, an assessment —
 * a status for a goal or a qualitative target, an activity's status, whether a service
 * declaration was kept. The vocabularies, their Swedish words, and when an item counts as written.
 */
import type { ItemKind } from './items.ts';

export interface ContributionValue {
  /** Plain text; paragraphs are separated by a blank line. */
  text: string;
  /** One of the item kind's assessments, or null. */
  assessment: string | null;
}

const statusAssessments = { green: 'Grön – uppfyllt', yellow: 'Gul – delvis uppfyllt', red: 'Röd – inte uppfyllt', 'not-measured': 'Inte bedömd' };

/** Per item kind: its assessments and their Swedish words (none: the item is a text only). */
export const assessmentNames: Record<ItemKind, Record<string, string> | null> = {
  analysis: null,
  indicator: statusAssessments,
  goal: statusAssessments,
  activity: { 'not-started': 'Ej påbörjad', ongoing: 'Pågår', done: 'Klar', paused: 'Pausad', cancelled: 'Avbruten' },
  'service-declaration': { kept: 'Hållen', partly: 'Delvis hållen', 'not-kept': 'Inte hållen' },
  section: null,
};

/** Whether the kind's text may stay empty: an activity's status says enough, its comment is optional. */
const textOptional: Record<ItemKind, boolean> = { analysis: false, indicator: false, goal: false, activity: true, 'service-declaration': false, section: false };

/** The Swedish name of what is written for an item kind, for "… saknas". */
const textNames: Record<ItemKind, string> = { analysis: 'Analys', indicator: 'Motivering', goal: 'Motivering', activity: 'Kommentar', 'service-declaration': 'Kommentar', section: 'Text' };

/** The problems with a value for an item kind (Swedish), empty when it may be saved. */
export function contributionProblems(kind: ItemKind, value: ContributionValue): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const names = assessmentNames[kind];
  if (value.assessment !== null) {
    if (!names) problems.push({ path: '$.assessment', message: `${textNames[kind]} har ingen bedömning; lämna den tom` });
    else if (!(value.assessment in names)) problems.push({ path: '$.assessment', message: `Bedömningen ska vara en av: ${Object.keys(names).join(', ')}` });
  }
  return problems;
}

/** What is still missing of an item (Swedish, e.g. "Analys saknas"); empty when it is written. */
export function missingOf(kind: ItemKind, value: ContributionValue | null): string[] {
  const missing: string[] = [];
  if (assessmentNames[kind] && !value?.assessment) missing.push('Bedömning saknas');
  if (!textOptional[kind] && !value?.text.trim()) missing.push(`${textNames[kind]} saknas`);
  return missing;
}

/** Whether anything at all is written for an item. */
export function isStarted(value: ContributionValue | null): boolean {
  return value !== null && (value.text.trim() !== '' || value.assessment !== null);
}

/** The words of an assessment, or null. */
export function assessmentName(kind: ItemKind, assessment: string | null): string | null {
  return assessment === null ? null : (assessmentNames[kind]?.[assessment] ?? assessment);
}

/** A text's paragraphs: blank lines separate them, single line breaks stay inside. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
