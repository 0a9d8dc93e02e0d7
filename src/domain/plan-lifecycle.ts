/**
 * What a plan's status allows (draft → submitted → adopted → archived): an adopted plan is frozen
 * except its follow-up, an archived one takes nothing, and only a draft may be deleted or replaced
 * as a whole (a submitted plan is reopened first).
 */
export type PlanStatus = 'draft' | 'submitted' | 'adopted' | 'archived';

/** Whether the plan's content is frozen (adopted or archived; decision 0004). */
export function isFrozen(status: string): boolean {
  return status === 'adopted' || status === 'archived';
}

/** Whether a plan in this status may be deleted or replaced as a whole (by a replace-import). */
export function mayReplaceOrDelete(status: string): boolean {
  return status === 'draft';
}

/**
 * Whether a plan in this status follows a change to a shared goal or organisation node (it shows
 * the new current version): drafts and submitted plans do; adopted and archived plans keep showing
 * what they were adopted with.
 */
export function followsSharedChanges(status: string): boolean {
  return !isFrozen(status);
}
