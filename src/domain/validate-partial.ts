/**
 * The part of a plan file that is well-formed, so references can be checked in the same run as
 * the schema (issue 12, point 10): a list item with a schema problem is set aside (its key kept,
 * so nothing is reported as missing because of it), a bad optional field is left out; what cannot
 * be set aside (a missing required field of the plan itself) stops the attempt.
 */
import type { z } from 'zod';
import { PlanFile } from './plan.ts';
import { swedishErrorMap } from './swedish-issues.ts';

export interface WellFormedPart {
  plan: PlanFile;
  /** Keys of the list items set aside: a reference to one of them is not a reference problem. */
  setAside: Set<string>;
}

/** The well-formed part of `input` after setting aside what the schema refuses, or null. */
export function wellFormedPart(input: unknown, issues: ReadonlyArray<z.core.$ZodIssue>): WellFormedPart | null {
  if (!isRecord(input)) return null;
  const copy: Record<string, unknown> = structuredClone(input);
  const setAside = new Set<string>();
  let pending = issues;
  // Each round sets aside what the last parse refused; a few rounds reach what problems hid.
  for (let round = 0; round < 5; round += 1) {
    for (const issue of pending) if (!setAsideAt(copy, issue, setAside)) return null;
    compactLists(copy);
    const parsed = PlanFile.safeParse(copy, { error: swedishErrorMap });
    if (parsed.success) return { plan: parsed.data, setAside };
    pending = parsed.error.issues;
  }
  return null;
}

/**
 * Sets aside the top-level list item the problem is in, or the unknown or optional field it
 * names; false when neither can be done.
 */
function setAsideAt(root: Record<string, unknown>, issue: z.core.$ZodIssue, setAside: Set<string>): boolean {
  const { path } = issue;
  const [section, index] = path;
  const list = typeof section === 'string' ? root[section] : undefined;
  if (Array.isArray(list) && typeof index === 'number') {
    const item: unknown = list[index];
    if (item === SET_ASIDE) return true; // set aside already in this round
    if (isRecord(item) && typeof item.key === 'string') setAside.add(item.key);
    list[index] = SET_ASIDE;
    return true;
  }
  // Outside the lists: leave a present field out and let the schema say whether it may be missing.
  if (issue.code === 'unrecognized_keys') {
    const node = nodeAt(root, path);
    if (!isRecord(node)) return false;
    for (const key of issue.keys) delete node[key];
    return true;
  }
  const parent = nodeAt(root, path.slice(0, -1));
  const leaf = path.at(-1);
  if (!isRecord(parent) || leaf === undefined || !(leaf in parent)) return false;
  delete parent[leaf as string];
  return true;
}

function nodeAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>((node, step) => (isRecord(node) ? node[step as string] : Array.isArray(node) ? node[step as number] : undefined), root);
}

// Marks a list item for removal until the round ends, so the other problems' indices still hold.
const SET_ASIDE = Symbol('set aside');

function compactLists(root: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(root)) {
    if (Array.isArray(value)) root[field] = value.filter((item) => item !== SET_ASIDE);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
