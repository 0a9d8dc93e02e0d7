/**
 * Goal status from its indicators (and sub-goals) by the plan's visible rule: the worst status,
 * the majority, or the share of green. What is not measured does not count, and says so.
 */
import type { PlanFile } from './plan.ts';
import { compareSeverity, isJudged, statusWord, worstStatus, type Status } from './status-band.ts';

export type RollupRule = PlanFile['plan']['statusRollup'];

export interface RollupMember {
  /** "1.2.1", "mål 1:2": how the explanation names it. */
  label: string;
  status: Status;
}

/** Share of green from which the goal is green, and yellow, under the 'share' rule. */
export const SHARE_THRESHOLDS = { green: 75, yellow: 50 } as const;

const RULE_TEXTS: Record<RollupRule, string> = {
  worst: 'sämsta status avgör',
  majority: 'flest styrtal avgör (lika: den sämre)',
  share: `andel gröna avgör (grön från ${SHARE_THRESHOLDS.green} %, gul från ${SHARE_THRESHOLDS.yellow} %)`,
};

/** The rule in words, for headings: "sämsta status avgör". */
export function describeRule(rule: RollupRule): string {
  return RULE_TEXTS[rule];
}

/** Rolls statuses up to one status with a one-sentence Swedish explanation. */
export function rollUp(rule: RollupRule, members: RollupMember[]): { status: Status; explanation: string } {
  // Only green, yellow and red judge; not measured, direction missing and the like do not count.
  const measured = members.filter((member) => isJudged(member.status));
  if (measured.length === 0) {
    return { status: 'not-measured', explanation: members.length === 1 ? 'Styrtalet är inte mätt' : `Inget av ${members.length} styrtal är mätt` };
  }
  const note = unjudgedNote(members.filter((member) => !isJudged(member.status)), members.length);
  const count = (status: Status) => measured.filter((member) => member.status === status).length;
  switch (rule) {
    case 'worst': {
      const status = worstStatus(measured.map((member) => member.status));
      if (status === 'green') return { status, explanation: `Sämsta avgör: ${all(measured.length)} gröna${note}` };
      const worst = measured.filter((member) => member.status === status).map((member) => member.label);
      return { status, explanation: `Sämsta avgör: ${worst.join(', ')} är ${plural(status, worst.length)}${note}` };
    }
    case 'majority': {
      const statuses = (['red', 'yellow', 'green'] as const).slice().sort((a, b) => count(b) - count(a) || compareSeverity(a, b));
      const status = statuses[0]!;
      return { status, explanation: `Majoritet avgör: ${count(status)} av ${measured.length} mätta är ${plural(status, count(status))}${note}` };
    }
    case 'share': {
      const green = count('green');
      const percent = Math.round((green / measured.length) * 100);
      const reaches = (threshold: number) => green * 100 >= threshold * measured.length;
      const status: Status = reaches(SHARE_THRESHOLDS.green) ? 'green' : reaches(SHARE_THRESHOLDS.yellow) ? 'yellow' : 'red';
      const thresholds = `grön från ${SHARE_THRESHOLDS.green} %, gul från ${SHARE_THRESHOLDS.yellow} %`;
      return { status, explanation: `Andel gröna avgör: ${green} av ${measured.length} mätta gröna (${percent} %; ${thresholds})${note}` };
    }
  }
}

/** "(1 av 3 inte mätta)", or, when other statuses than not measured are among them, which: "(2 av 4 utan bedömning: 1 inte mätt, 1 riktning saknas)". */
function unjudgedNote(unjudged: RollupMember[], total: number): string {
  if (unjudged.length === 0) return '';
  if (unjudged.every((member) => member.status === 'not-measured')) return ` (${unjudged.length} av ${total} inte mätta)`;
  const counts = new Map<Status, number>();
  for (const member of unjudged) counts.set(member.status, (counts.get(member.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${statusWord(status)}`);
  return ` (${unjudged.length} av ${total} utan bedömning: ${parts.join(', ')})`;
}

function all(n: number): string {
  return n === 1 ? 'det mätta är' : n === 2 ? 'båda mätta är' : `alla ${n} mätta är`;
}

function plural(status: Status, n: number): string {
  const word = statusWord(status);
  if (n === 1) return word;
  return { grön: 'gröna', gul: 'gula', röd: 'röda' }[word] ?? word;
}
