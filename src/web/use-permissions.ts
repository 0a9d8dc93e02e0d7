/**
 * The hook pages use to show edit buttons and links only where the server will allow the write:
 * the session's account against the plan's organisation (see permissions.ts for the rule).
 */
import { useMemo } from 'react';
import type { PlanFile } from '../domain/plan.ts';
import { planPermissions, type PlanPermissions } from './permissions.ts';
import { useSession } from './session.tsx';

export type { PlanPermissions } from './permissions.ts';

/** What the logged-in account may do with `plan` (all false while loading or logged out). */
export function usePlanPermissions(plan: PlanFile | null, nodeKey?: string): PlanPermissions {
  const { user } = useSession();
  return useMemo(() => planPermissions(user ?? null, plan, nodeKey), [user, plan, nodeKey]);
}
