/**
 * Validation of the plan file's follow-up parts of issue 12 (domain/plan-follow-up.ts): goal
 * contributions, kinds and assessments, measures and the indicators that refer to them,
 * breakdowns, activity links and an indicators section's columns. Part of validatePlanFile's
 * one run: every problem with its JSON path and a Swedish message.
 */
import type { Problem } from './errors.ts';
import type { Breakdown, PlanFile } from './plan.ts';
import { isAllowedRichText } from './rich-text.ts';

type Report = (path: string, message: string) => void;

const RICH_TEXT_MESSAGE = 'Texten innehåller HTML som inte är tillåten (tillåtet: p, b, i, u, ul, ol, li, a, br)';

/** Every problem of the follow-up parts of a plan, as reference problems. */
export function checkFollowUpParts(plan: PlanFile): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) => problems.push({ path, message, code: 'reference' });
  checkGoals(plan, report);
  checkMeasures(plan, report);
  checkIndicators(plan, report);
  checkActivities(plan, report);
  checkSections(plan, report);
  return problems;
}

function checkGoals(plan: PlanFile, report: Report): void {
  const goals = new Map(plan.goals.map((goal) => [goal.key, goal]));
  plan.goals.forEach((goal, i) => {
    const path = `$.goals[${i}]`;
    if (goal.description !== undefined && !isAllowedRichText(goal.description)) report(`${path}.description`, RICH_TEXT_MESSAGE);
    const linked = new Set<string>();
    goal.contributesTo?.forEach((link, j) => {
      const at = `${path}.contributesTo[${j}].goal`;
      if (!goals.has(link.goal)) report(at, `Målet "${link.goal}" finns inte i planen`);
      else if (link.goal === goal.key) report(at, 'Ett mål kan inte bidra till sig självt');
      else if (link.goal === goal.parent) report(at, `"${link.goal}" är redan målets överordnade mål`);
      if (linked.has(link.goal)) report(at, `Bidraget till "${link.goal}" anges mer än en gång`);
      linked.add(link.goal);
    });
    // A period given twice is reported by validatePlanFile's walk over every keyed list.
    goal.assessments?.forEach((entry, j) => {
      const at = `${path}.assessments[${j}]`;
      if (entry.status !== undefined && !entry.justification?.trim() && !entry.comment?.trim()) {
        report(`${at}.justification`, 'En bedömning som sätts för hand kräver en motivering eller en kommentar');
      }
      if (entry.status === undefined && !entry.comment?.trim() && !entry.justification?.trim()) report(`${at}.comment`, 'En bedömning utan status behöver en kommentar');
      if (entry.status === 'partly-fulfilled' && plan.plan.goalAssessment?.scale === 'yes-no') report(`${at}.status`, 'Planen bedömer sina mål med ja eller nej; delvis uppfyllt finns inte på den skalan');
      if (entry.comment !== undefined && !isAllowedRichText(entry.comment)) report(`${at}.comment`, RICH_TEXT_MESSAGE);
    });
  });
}

/** Keys and periods given twice are reported by validatePlanFile's walk; a breakdown's groups are checked here. */
function checkMeasures(plan: PlanFile, report: Report): void {
  plan.measures?.forEach((measure, i) =>
    measure.values.forEach((value, j) => checkBreakdown(value.breakdown, `$.measures[${i}].values[${j}].breakdown`, report)),
  );
}

function checkIndicators(plan: PlanFile, report: Report): void {
  const measures = new Set(plan.measures?.map((measure) => measure.key) ?? []);
  plan.indicators.forEach((indicator, i) => {
    const path = `$.indicators[${i}]`;
    if (indicator.measure !== undefined && !measures.has(indicator.measure)) report(`${path}.measure`, `Måttet "${indicator.measure}" finns inte bland planens mått`);
    indicator.actuals.forEach((actual, j) => checkBreakdown(actual.breakdown, `${path}.actuals[${j}].breakdown`, report));
  });
}

function checkBreakdown(breakdown: Breakdown[] | undefined, path: string, report: Report): void {
  const groups = new Set<string>();
  breakdown?.forEach((part, i) => {
    const id = `${part.dimension}:${part.group}`;
    if (groups.has(id)) report(`${path}[${i}].group`, `Gruppen "${part.group}" anges mer än en gång`);
    groups.add(id);
  });
}

function checkActivities(plan: PlanFile, report: Report): void {
  const indicators = new Set(plan.indicators.map((indicator) => indicator.key));
  plan.activities.forEach((activity, i) =>
    activity.indicators?.forEach((key, j) => {
      if (!indicators.has(key)) report(`$.activities[${i}].indicators[${j}]`, `Styrtalet "${key}" finns inte i planen`);
    }),
  );
}

function checkSections(plan: PlanFile, report: Report): void {
  plan.sections.forEach((section, i) => {
    if (section.indicatorColumns !== undefined && section.kind !== 'indicators') {
      report(`$.sections[${i}].indicatorColumns`, 'Kolumner för styrtal kan bara anges för ett avsnitt med styrtal');
    }
  });
}
