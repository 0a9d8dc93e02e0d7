/** Which fields of an item changed: for the audit trail and the follow-up rule, without the plan's schemas (so the browser can use it). */

/** Which top-level fields differ between two versions of an item (for the audit trail). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).sort();
}
