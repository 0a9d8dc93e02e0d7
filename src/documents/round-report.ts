/**
 * A follow-up round's report: the follow-up report of the period (report-view-model.ts) with the
 * units' contributions in it and who wrote them — their analyses under the deviations they
 * explain, goal and qualitative-target assessments, activity status and comments, how service
 * declarations were kept, the template's free sections per unit, and (where the template asks)
 * printed outcome tables with the years of outcomes beside the target. Built from a round's
 * content (report-content.ts): the live data while the round runs, its snapshot once adopted.
 */
import { analysisKey } from '../domain/analyses.ts';
import { isYearPeriod, yearOf } from '../domain/period.ts';
import type { Analysis, PlanFile } from '../domain/plan.ts';
import { assessmentName, paragraphsOf } from '../domain/rounds/contributions.ts';
import type { ItemKind } from '../domain/rounds/items.ts';
import { describeDecision, type ReportAssignment, type ReportContribution, type RoundReportContent } from '../domain/rounds/report-content.ts';
import { asks } from '../domain/rounds/template.ts';
import { buildReportDocument } from './report-view-model.ts';
import { statusCell } from './report-sections.ts';
import { figureCell, maxPortraitColumns, textCell, type Block, type DocumentView, type TableBlock } from './view-model.ts';

type Written = ReportContribution & { nodeName: string };

/** The report of a round, with its decision on the title page once adopted. */
export function buildRoundReport(content: RoundReportContent): DocumentView {
  const { round } = content;
  const written = content.assignments.flatMap((assignment) => assignment.contributions.map((contribution) => ({ ...contribution, nodeName: assignment.nodeName })));
  const base = buildReportDocument(withAnalyses(content.plan, round.period, written), { period: round.period });
  const extra = [
    ...section('bedomning-mal', 'Bedömning av mål', assessmentTable('bedomning-mal', 'Mål', written, 'goal')),
    ...section('bedomning-kvalitativa', 'Kvalitativa målvärden', assessmentTable('bedomning-kvalitativa', 'Styrtal', written, 'indicator')),
    ...section('aktiviteter-status', 'Aktiviteternas status', assessmentTable('aktiviteter-status', 'Aktivitet', written, 'activity')),
    ...section('servicedeklarationer', 'Servicedeklarationer', assessmentTable('servicedeklarationer', 'Servicedeklaration', written, 'service-declaration')),
    ...(asks(round.template, 'outcome-tables') ? section('utfall-over-aren', 'Utfall över åren', outcomeTable(content.plan, round.period)) : []),
    ...round.template.sections.flatMap((free) => section(`avsnitt-${free.key}`, free.heading, freeSection(content.assignments, free.key))),
  ];
  const blocks = [...base.blocks, ...extra];
  const units = content.assignments.filter((assignment) => assignment.contributions.length > 0).length;
  return {
    ...base,
    blocks,
    toc: blocks.flatMap((block) => (block.kind === 'heading' && block.toc ? [{ id: block.id, text: block.text, level: block.level }] : [])),
    titlePage: {
      ...base.titlePage,
      status: round.decision ? 'Fastställd' : 'Utkast – inte fastställd',
      ...(round.decision ? { decision: describeDecision(round.decision) } : {}),
    },
    footer: round.decision ? base.footer : `${base.footer} – utkast, inte fastställd`,
    colophon: `${base.colophon} Bidrag från ${units} ${units === 1 ? 'enhet' : 'enheter'} i uppföljningsomgången.`,
  };
}

/** The plan with the round's analyses in place of any it had for the same subject and period. */
function withAnalyses(plan: PlanFile, period: string, written: Written[]): PlanFile {
  const analyses: Analysis[] = written
    .filter((entry) => entry.kind === 'analysis' && entry.text.trim())
    .map((entry) => ({ key: analysisKey(entry.subject, period), period, subject: entry.subject, text: richText(entry.text), author: `${entry.writtenBy}, ${entry.nodeName}` }));
  const replaced = new Set(analyses.map((analysis) => `${analysis.subject}|${analysis.period}`));
  return { ...plan, analyses: [...plan.analyses.filter((analysis) => !replaced.has(`${analysis.subject}|${analysis.period}`)), ...analyses] };
}

/** Plain text as the restricted HTML the plan's texts are: one <p> per paragraph, line breaks kept. */
function richText(text: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return paragraphsOf(text)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escape).join('<br>')}</p>`)
    .join('');
}

function section(id: string, heading: string, content: Block[]): Block[] {
  return content.length === 0 ? [] : [{ kind: 'heading', id, text: heading, level: 1, toc: true }, ...content];
}

const statuses = ['green', 'yellow', 'red', 'not-measured'] as const;
const isStatus = (value: string | null): value is (typeof statuses)[number] => statuses.some((status) => status === value);

function assessmentTable(id: string, subjectHeading: string, written: Written[], kind: ItemKind): TableBlock[] {
  const rows = written.filter((entry) => entry.kind === kind);
  if (rows.length === 0) return [];
  return [
    {
      kind: 'table',
      id: `omgang-${id}`,
      title: subjectHeading === 'Mål' ? 'Bedömning av målen' : `${subjectHeading}: bedömning`,
      columns: [{ kind: 'label' }, { kind: 'label' }, { kind: 'text' }, { kind: 'label' }],
      header: [[textCell(subjectHeading), textCell('Bedömning'), textCell(kind === 'activity' || kind === 'service-declaration' ? 'Kommentar' : 'Motivering'), textCell('Skriven av')]],
      body: rows.map((entry) => ({
        role: 'data',
        cells: [
          textCell(entry.label),
          isStatus(entry.assessment) && (kind === 'goal' || kind === 'indicator')
            ? { ...statusCell(entry.assessment), text: assessmentName(kind, entry.assessment)! }
            : textCell(assessmentName(kind, entry.assessment) ?? ''),
          textCell(paragraphsOf(entry.text).join('\n')),
          textCell(`${entry.writtenBy}, ${entry.nodeName}`),
        ],
      })),
      footnotes: [],
      notes: [],
      wide: false,
    },
  ];
}

/** A free section: each unit's text under its name, with who wrote it. */
function freeSection(assignments: ReportAssignment[], sectionKey: string): Block[] {
  return assignments.flatMap((assignment): Block[] => {
    const entry = assignment.contributions.find((contribution) => contribution.kind === 'section' && contribution.subject === sectionKey && contribution.text.trim());
    if (!entry) return [];
    return [
      { kind: 'heading', id: `avsnitt-${sectionKey}-${assignment.node}`, text: assignment.nodeName, level: 2, toc: false },
      { kind: 'text', content: paragraphsOf(entry.text).map((text) => ({ kind: 'paragraph', runs: [{ text }] })) },
      { kind: 'text', style: 'note', content: [{ kind: 'paragraph', runs: [{ text: `Skrivet av ${entry.writtenBy}` }] }] },
    ];
  });
}

/** Years of outcomes beside the target of the round's year, per indicator (the printed outcome table). */
function outcomeTable(plan: PlanFile, period: string): TableBlock[] {
  const year = yearOf(period);
  const years = [...new Set(plan.indicators.flatMap((indicator) => indicator.actuals.filter((actual) => isYearPeriod(actual.period) && yearOf(actual.period) <= year).map((actual) => yearOf(actual.period))))]
    .sort((a, b) => a - b)
    .slice(-4);
  if (plan.indicators.length === 0 || years.length === 0) return [];
  const columns = [{ kind: 'label' as const }, ...years.map(() => ({ kind: 'figure' as const })), { kind: 'figure' as const }];
  return [
    {
      kind: 'table',
      id: 'omgang-utfall-over-aren',
      title: `Styrtalens utfall ${years[0]}–${years.at(-1)} och målvärde ${year}`,
      columns,
      header: [[textCell('Styrtal'), ...years.map((y) => textCell(`Utfall ${y}`)), textCell(`Målvärde ${year}`)]],
      body: plan.indicators.map((indicator) => ({
        role: 'data',
        cells: [
          textCell(`${indicator.number} ${indicator.name}`),
          ...years.map((y) => figureCell(indicator.actuals.find((actual) => actual.period === String(y))?.text ?? '')),
          figureCell(indicator.targets.find((target) => target.year === year)?.text ?? ''),
        ],
      })),
      footnotes: [],
      notes: [],
      wide: columns.length > maxPortraitColumns,
    },
  ];
}
