/**
 * What a round's report is built from (underlag): the plan as it stood, the round (period,
 * template, decision) and every assignment with what its unit wrote and who wrote it. Compiled
 * from the live data while the round runs, frozen as the snapshot when it is adopted, so the
 * published documents say exactly what was decided.
 */
import type { PlanFile } from '../plan.ts';
import type { ItemKind } from './items.ts';
import type { RoundStatus } from './lifecycle.ts';
import type { RoundTemplate } from './template.ts';

export interface ReportContribution {
  key: string;
  kind: ItemKind;
  subject: string;
  label: string;
  text: string;
  assessment: string | null;
  /** Who wrote it, as the report names them: the display name, else the user name. */
  writtenBy: string;
  writtenAt: string;
}

export interface ReportAssignment {
  node: string;
  nodeName: string;
  responsible: string | null;
  doneAt: string | null;
  contributions: ReportContribution[];
}

export interface RoundReportContent {
  format: 'styrkort-round';
  formatVersion: 1;
  round: {
    planKey: string;
    period: string;
    deadline: string;
    status: RoundStatus;
    template: RoundTemplate;
    owner: string;
    decision: AdoptedDecision | null;
  };
  plan: PlanFile;
  assignments: ReportAssignment[];
}

/** The decision that adopted a round's report: date, body and paragraph, the case number if any. */
export interface AdoptedDecision {
  /** 'YYYY-MM-DD' */
  date: string;
  /** The deciding body, "Socialnämnden". */
  body: string;
  /** "SN § 45" */
  paragraph: string;
  /** diarienummer */
  caseNumber?: string;
}

/** "Beslut: Socialnämnden 2017-09-27 SN § 45 dnr SN 2017/88", as title pages print a decision. */
export function describeDecision(decision: AdoptedDecision): string {
  return ['Beslut:', decision.body, decision.date, decision.paragraph, decision.caseNumber ? `dnr ${decision.caseNumber}` : undefined].filter(Boolean).join(' ');
}
