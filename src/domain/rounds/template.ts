/**
 * A round's template (mall): which parts of the follow-up the units are asked to write — analyses
 * of deviations, goal assessments, assessments of qualitative targets, activity status, keeping
 * of service declarations, printed outcome tables — and free sections such as "Viktiga händelser".
 * The default follows the period: a month asks for analyses only; a tertial, half-year, quarter or
 * the delårsrapport (August) adds goals, qualitative targets, activities and two free sections;
 * the year (verksamhetsberättelse) asks for everything.
 */
import { monthOf, periodKind } from '../period.ts';

export const templateParts = ['deviation-analyses', 'goal-assessments', 'qualitative-targets', 'activities', 'service-declarations', 'outcome-tables'] as const;
export type TemplatePart = (typeof templateParts)[number];

/** A free section every assigned unit writes, printed per unit under its heading. */
export interface TemplateSection {
  key: string;
  heading: string;
}

export interface RoundTemplate {
  parts: TemplatePart[];
  sections: TemplateSection[];
}

/** The Swedish name of each part, for forms, overviews and messages. */
export const templatePartNames: Record<TemplatePart, string> = {
  'deviation-analyses': 'Analyser av avvikelser',
  'goal-assessments': 'Bedömning av mål',
  'qualitative-targets': 'Bedömning av kvalitativa målvärden',
  activities: 'Aktiviteternas status och kommentarer',
  'service-declarations': 'Hur servicedeklarationerna hållits',
  'outcome-tables': 'Tabeller med utfall över åren mot målvärdet',
};

const interimSections: TemplateSection[] = [
  { key: 'viktiga-handelser', heading: 'Viktiga händelser' },
  { key: 'framtid', heading: 'Framtid' },
];

/** The template a round of a period gets unless its opener chooses another. */
export function defaultTemplate(period: string): RoundTemplate {
  const kind = periodKind(period);
  if (kind === 'year') return { parts: [...templateParts], sections: interimSections };
  if (kind === 'month' && monthOf(period) !== 8) return { parts: ['deviation-analyses'], sections: [] };
  return { parts: ['deviation-analyses', 'goal-assessments', 'qualitative-targets', 'activities'], sections: interimSections };
}

/** Whether a template asks for a part. */
export function asks(template: RoundTemplate, part: TemplatePart): boolean {
  return template.parts.includes(part);
}
