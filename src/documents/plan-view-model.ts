/**
 * The plan document as a view model, built from a plan file by a pure function. The plan's
 * `sections` are the stored configuration: they give the order, the headings and which items each
 * section shows. A section without content is left out (a heading-only section stays when a
 * section under it has content). A plan without sections gets the standard order of the seeds.
 */
import { formatYearRange } from '../domain/format.ts';
import type { PlanFile, Section } from '../domain/plan.ts';
import {
  activitiesSection,
  budgetSection,
  capitalBudgetSection,
  committeeGoalsSection,
  indicatorsSection,
  municipalGoalsSection,
  municipalStrategiesSection,
  outlooksSection,
  resourcesSection,
  serviceAreaStrategiesSection,
  serviceDeclarationsSection,
  textSection,
  visionSection,
  volumesSection,
  type PlanContext,
} from './plan-sections.ts';
import { isFrozen } from '../domain/plan-lifecycle.ts';
import { parseRich } from './rich.ts';
import { withUniqueIds, type Block, type DocumentView, type Footnote, type TitlePage, type TocEntry } from './view-model.ts';

type SectionKind = Section['kind'];

const builders: Record<SectionKind, (section: Section, ctx: PlanContext) => Block[]> = {
  text: textSection,
  vision: visionSection,
  'municipal-goals': municipalGoalsSection,
  'committee-goals': committeeGoalsSection,
  indicators: indicatorsSection,
  'municipal-strategies': municipalStrategiesSection,
  'service-area-strategies': serviceAreaStrategiesSection,
  outlooks: outlooksSection,
  activities: activitiesSection,
  'service-declarations': serviceDeclarationsSection,
  volumes: volumesSection,
  'operating-budget': (section, ctx) => budgetSection(section, ctx, 'operating'),
  'external-income': (section, ctx) => budgetSection(section, ctx, 'external-income'),
  'capital-budget': capitalBudgetSection,
  resources: resourcesSection,
};

/** The standard order of a plan document, for plans that have not configured their sections. */
const standardSections: Array<[SectionKind, string]> = [
  ['vision', 'Vision'],
  ['municipal-goals', 'Kommunens mål'],
  ['committee-goals', 'Nämndens mål'],
  ['indicators', 'Styrtal'],
  ['municipal-strategies', 'Kommunens strategier'],
  ['service-area-strategies', 'Verksamhetens strategier'],
  ['outlooks', 'Behov, utmaningar och möjligheter'],
  ['activities', 'Aktiviteter'],
  ['service-declarations', 'Servicedeklarationer'],
  ['volumes', 'Volymer'],
  ['operating-budget', 'Driftbudget'],
  ['external-income', 'Externa intäkter'],
  ['capital-budget', 'Investeringsbudget'],
  ['resources', 'Resurser och kompetens'],
];

/** The sections a plan document shows: the plan's own, or the standard ones showing everything. */
export function documentSections(plan: PlanFile): Section[] {
  if (plan.sections.length > 0) return plan.sections;
  return standardSections.map(([kind, heading]) => ({ key: `standard-${kind}`, kind, heading, level: 1, inToc: true }));
}

/** Builds the plan document's view model. */
export function buildPlanDocument(plan: PlanFile): DocumentView {
  const ctx = contextOf(plan);
  const sections = documentSections(plan).map((section) => ({ section, content: sectionContent(section, ctx) }));
  const kept = sections.filter((entry, index) => entry.content.length > 0 || (entry.section.heading !== null && hasContentBelow(sections, index)));
  const placed = placeHeadings(kept);
  const leftover = ctx.unusedFootnotes();
  if (leftover.length > 0) {
    placed.push({ kind: 'heading', id: 'fotnoter', text: 'Fotnoter', level: 1, toc: true });
    placed.push({ kind: 'text', style: 'note', content: leftover.map((note) => ({ kind: 'paragraph', runs: [{ text: note.mark, sup: true }, { text: ` ${note.text}` }] })) });
  }
  const blocks = withUniqueIds(placed);
  const owner = ctx.nodeName(plan.plan.ownerNode) ?? '';
  const period = formatYearRange(plan.plan.periodStart, plan.plan.periodEnd);
  return {
    lang: 'sv-SE',
    title: documentTitle(plan.plan.title, [plan.plan.subtitle, owner]),
    author: plan.municipality.name,
    subject: documentTitle(plan.plan.title, [plan.plan.subtitle, owner, plan.municipality.name]),
    keywords: ['verksamhetsplan', plan.municipality.name, owner, period].filter(Boolean),
    // A running header only where the plan has one: no municipality name is invented for it.
    letterhead: plan.plan.letterhead,
    footer: isFrozen(plan.plan.status) ? plan.municipality.name : `${plan.municipality.name} · ${statusLabels[plan.plan.status]}`,
    filename: plan.plan.key,
    titlePage: titlePageOf(plan, period),
    toc: tocOf(blocks),
    blocks,
    newPagePerSection: true,
    colophon: [`Dokumentet är skapat med Styrkort ur planens data (${plan.plan.key}).`, plan.plan.source ? `Källa: ${plan.plan.source}.` : ''].filter(Boolean).join(' '),
  };
}

/** The title, with the names it does not already contain ("Verksamhetsplan 2020-2022 – Socialnämnden"). */
function documentTitle(title: string, names: Array<string | undefined>): string {
  const parts = [title];
  for (const name of names) if (name && !parts.some((part) => part.includes(name))) parts.push(name);
  return parts.join(' – ');
}

function sectionContent(section: Section, ctx: PlanContext): Block[] {
  const content = builders[section.kind](section, ctx);
  if (section.kind === 'text' || section.kind === 'resources') return content;
  const body = parseRich(section.body);
  return body.length > 0 ? [{ kind: 'text', content: body }, ...content] : content;
}

function hasContentBelow(sections: Array<{ section: Section; content: Block[] }>, index: number): boolean {
  const level = sections[index]!.section.level;
  for (const entry of sections.slice(index + 1)) {
    if (entry.section.level <= level) return false;
    if (entry.content.length > 0) return true;
  }
  return false;
}

/**
 * Gives every heading its level in the document: the top sections are level 1 and no heading is
 * more than one level below the one before it (screen readers and Word's navigation need that).
 */
function placeHeadings(sections: Array<{ section: Section; content: Block[] }>): Block[] {
  const top = Math.min(...sections.filter((entry) => entry.section.heading !== null).map((entry) => entry.section.level));
  const blocks: Block[] = [];
  let current = 0; // the level of the last section heading
  for (const { section, content } of sections) {
    if (section.heading !== null) {
      current = Math.max(1, Math.min(section.level - top + 1, current + 1));
      blocks.push({ kind: 'heading', id: section.key, text: section.heading, level: current, toc: section.inToc });
    }
    for (const block of content) {
      blocks.push(block.kind === 'heading' ? { ...block, level: Math.min(6, current + block.level) } : block);
    }
  }
  return blocks;
}

function tocOf(blocks: Block[]): TocEntry[] {
  return blocks.flatMap((block) => (block.kind === 'heading' && block.toc ? [{ id: block.id, text: block.text, level: block.level }] : []));
}

function contextOf(plan: PlanFile): PlanContext & { unusedFootnotes(): Footnote[] } {
  const nodes = new Map(plan.organisation.map((node) => [node.key, node]));
  const used = new Set<string>();
  return {
    plan,
    nodeName: (key) => (key ? nodes.get(key)?.name : undefined),
    footnote(mark) {
      if (!mark) return undefined;
      const note = plan.footnotes.find((footnote) => footnote.mark === mark && !used.has(footnote.key)) ?? plan.footnotes.find((footnote) => footnote.mark === mark);
      if (!note) return undefined;
      used.add(note.key);
      return note.text ? { mark: note.mark, text: note.text } : undefined;
    },
    unusedFootnotes: () => plan.footnotes.filter((note) => !used.has(note.key) && note.text).map((note) => ({ mark: note.mark, text: note.text! })),
  };
}

const statusLabels: Record<PlanFile['plan']['status'], string> = {
  draft: 'Utkast – inte fastställd',
  submitted: 'Förslag – inte fastställd',
  adopted: 'Fastställd',
  archived: 'Fastställd (arkiverad)',
};

function titlePageOf(plan: PlanFile, period: string): TitlePage {
  const nodes = new Map(plan.organisation.map((node) => [node.key, node]));
  let node = nodes.get(plan.plan.ownerNode);
  const owner = node;
  while (node && node.kind !== 'committee' && node.parent) node = nodes.get(node.parent);
  const organisation = (node?.kind === 'committee' ? node : owner)?.name ?? '';
  const decision = plan.plan.decision;
  const decisionText = decision && (decision.date || decision.paragraph) ? ['Beslut:', decision.body, decision.date, decision.paragraph, decision.caseNumber ? `dnr ${decision.caseNumber}` : undefined].filter(Boolean).join(' ') : undefined;
  const page: TitlePage = {
    municipality: plan.municipality.name,
    organisation,
    title: plan.plan.title,
    period: `Planperiod ${period}`,
    status: statusLabels[plan.plan.status],
  };
  const subtitle = plan.plan.subtitle && plan.plan.subtitle !== organisation ? plan.plan.subtitle : undefined;
  if (subtitle) page.subtitle = subtitle;
  else if (owner && owner !== node && !plan.plan.title.includes(owner.name)) page.subtitle = owner.name;
  if (decisionText) page.decision = decisionText;
  return page;
}
