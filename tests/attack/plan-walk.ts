/**
 * Walking a plan file as plain JSON: every string leaf with its path, and writing one back. The
 * attack tests use it to put a payload into every text field a plan has, whatever its shape.
 */
import { readFileSync } from 'node:fs';
import type { PlanFile } from '../../src/domain/plan.ts';
import { validatePlanFile } from '../../src/domain/validate-plan.ts';

export type JsonPath = Array<string | number>;

/** Every string value in a JSON value, with its path (object keys and array indexes). */
export function stringLeaves(value: unknown, path: JsonPath = []): Array<{ path: JsonPath; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

/** A deep copy of a JSON value. */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets the value at a path (which must exist up to its last step). */
export function setAt(root: unknown, path: JsonPath, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

/** The path as validation prints it: $.goals[3].text. */
export function pathText(path: JsonPath): string {
  return path.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : `${out}.${step}`), '$');
}

export const escapeForRichText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The demo plan with the payload in every string field validation lets it into: appended, then as
 * escaped text (rich text), then alone (short fields); fields that refuse all three keep their value.
 * `atStart` puts it before the field's text instead of after.
 */
export function injectEverywhere(file: string, payload: string, options: { atStart?: boolean } = {}): { plan: PlanFile; injected: number } {
  const original = JSON.parse(readFileSync(new URL(`../../demo/${file}`, import.meta.url), 'utf8')) as unknown;
  const leaves = stringLeaves(original);
  const join = (value: string, added: string) => (options.atStart ? `${added} ${value}` : `${value} ${added}`);
  const variants = (value: string) => [join(value, payload), join(value, escapeForRichText(payload)), payload];
  const choice = new Map(leaves.map((leaf) => [pathText(leaf.path), 0]));
  for (let round = 0; round < 16; round += 1) {
    const candidate = copyJson(original);
    for (const leaf of leaves) {
      const index = choice.get(pathText(leaf.path))!;
      if (index < 3) setAt(candidate, leaf.path, variants(leaf.value)[index]);
    }
    const result = validatePlanFile(candidate);
    if (result.ok) return { plan: result.plan, injected: [...choice.values()].filter((index) => index < 3).length };
    for (const problem of result.problems) {
      // A refused field moves on to its next variant; a problem elsewhere (a broken reference) points at a key, which refuses every variant.
      const path = [...choice.keys()].find((p) => problem.path === p || problem.path.startsWith(`${p}.`) || problem.path.startsWith(`${p}[`));
      if (path) choice.set(path, choice.get(path)! + 1);
    }
  }
  throw new Error('ingen giltig plan efter 16 varv');
}
