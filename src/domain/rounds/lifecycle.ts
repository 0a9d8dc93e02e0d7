/**
 * A round's life: open (the units write) → submitted (compiled into the report, handed in for the
 * decision) → adopted (decided, frozen, its documents published). A submitted round can be opened
 * again; an adopted one cannot change. Mirrors the plan's workflow (access.ts workflowSteps).
 */
export const roundStatuses = ['open', 'submitted', 'adopted'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const roundStatusNames: Record<RoundStatus, string> = { open: 'Öppen', submitted: 'Inlämnad', adopted: 'Fastställd' };

export const roundSteps = {
  submit: { from: ['open'], to: 'submitted' },
  reopen: { from: ['submitted'], to: 'open' },
  adopt: { from: ['submitted'], to: 'adopted' },
} as const satisfies Record<string, { from: readonly RoundStatus[]; to: RoundStatus }>;

export type RoundStep = keyof typeof roundSteps;

/** Why a step cannot be taken from a status (Swedish), or null when it can. */
export function stepProblem(step: RoundStep, status: RoundStatus): string | null {
  const rule = roundSteps[step];
  if ((rule.from as readonly RoundStatus[]).includes(status)) return null;
  return `Omgången är ${roundStatusNames[status].toLowerCase()}; steget "${step}" kan bara tas när den är ${rule.from.map((from) => roundStatusNames[from].toLowerCase()).join(' eller ')}`;
}

/** Why assignments cannot be written now (Swedish), or null while the round is open. */
export function writeProblem(status: RoundStatus): string | null {
  if (status === 'open') return null;
  if (status === 'submitted') return 'Omgången är inlämnad; ledningen kan öppna den igen om något ska ändras';
  return 'Omgången är fastställd och kan inte ändras';
}
