/** Whose an item of a plan is and what changing it needs, on the demo plans (IFO's budget tables have nodes of their own). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editActionOf, editGroupOf, owningNode, writeNodes } from './item-ownership.ts';
import { planParts } from './plan-parts.ts';
import { PlanFile } from './plan.ts';

const read = (name: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${name}.json`, import.meta.url), 'utf8')));
const sn = read('timra-sn-2020-2022');
const ifo = read('timra-ifo-2018-2020');
const owner = sn.plan.ownerNode;

describe('the node that owns an item', () => {
  it.each([
    ['a budget table of its own node (IFO Vuxna)', ifo.budgetTables.find((table) => table.key === 'rr-ifo-vuxna'), () => 'ifo-vuxna'],
    ['the investment budget (node sn)', sn.capitalBudgets[0], () => 'sn'],
    ['an indicator (no node): the plan owner', sn.indicators[0], () => owner],
    ['nothing at all: the plan owner', null, () => owner],
  ] as Array<[string, { node?: string } | null | undefined, (item: { node?: string }) => string | undefined]>)('%s', (_name, item, expected) => {
    expect(item).not.toBeUndefined();
    expect(owningNode(item, owner)).toBe(expected(item ?? {}));
  });

  it('authorises a move on both nodes, once each', () => {
    const table = ifo.budgetTables.find((candidate) => candidate.key === 'rr-ifo-vuxna')!;
    expect(writeNodes([table, { ...table, node: 'ifo' }, table], 'ifo')).toEqual(['ifo-vuxna', 'ifo']);
  });
});

describe('the action a write needs', () => {
  it.each([
    ['budget-tables', 'economy', 'edit-economy'],
    ['capital-budgets', 'economy', 'edit-economy'],
    ['volume-tables', 'content', 'edit-content'],
    ['activities', 'content', 'edit-content'],
    ['analyses', 'content', 'edit-content'],
  ] as const)('%s: %s, %s', (segment, group, action) => {
    expect(editGroupOf(segment)).toBe(group);
    expect(editActionOf(editGroupOf(segment))).toBe(action);
  });

  it('is the edit group every plan part is served with', () => {
    for (const part of planParts) expect(part.editGroup).toBe(editGroupOf(part.segment));
  });
});
