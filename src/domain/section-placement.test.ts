import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from './plan.ts';
import { placeNewItem, sectionKindsFor, unlistItem } from './section-placement.ts';

const sn = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')));
const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));

describe('where a new item is printed', () => {
  it.each([
    ['goals', { level: 'municipal' }, ['municipal-goals']],
    ['goals', { level: 'committee' }, ['committee-goals']],
    ['strategies', { scope: 'service-area' }, ['service-area-strategies']],
    ['budget-tables', { kind: 'external-income' }, ['external-income']],
    ['budget-tables', { kind: 'operating' }, ['operating-budget']],
    ['activities', {}, []],
    ['analyses', {}, []],
  ])('%s %o is printed in %o', (segment, item, kinds) => {
    expect(sectionKindsFor(segment, item)).toEqual(kinds);
  });

  it('an outlook goes to the section that already shows one of the same node (SN prints "Ledning" and "IT" in a section of their own)', () => {
    const withNode = { ...sn, outlooks: sn.outlooks.map((outlook) => (outlook.key === 'ol-it' ? { ...outlook, node: 'socialforvaltningen' } : outlook)) };
    const placed = placeNewItem(withNode, 'outlooks', { key: 'ol-it-2', label: 'IT-stöd', node: 'socialforvaltningen' }, 'ol-it-2', withNode.outlooks);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.include).toEqual(['ol-ledning', 'ol-it', 'ol-it-2']);
  });

  it('without a sibling, the first section of the kind takes it', () => {
    const placed = placeNewItem(sn, 'outlooks', { key: 'ol-ny', label: 'Ny', node: 'ame' }, 'ol-ny', []);
    expect(placed[0]!.include!.at(-1)).toBe('ol-ny');
    expect(placed[0]!.include!.length).toBe(28);
  });

  it('a committee goal joins the IFO goals under the same municipal goal', () => {
    const placed = placeNewItem(ifo, 'goals', { key: 'ifo-1:2-6', level: 'committee', parent: 'kf-1:2' }, 'ifo-1:2-6', ifo.goals);
    expect(placed[0]!.kind).toBe('committee-goals');
    expect(placed[0]!.include!.at(-1)).toBe('ifo-1:2-6');
  });

  it('nothing changes when the plan has no section of that kind (IFO has no outlooks section)', () => {
    expect(placeNewItem(ifo, 'outlooks', { key: 'ol-x', label: 'X' }, 'ol-x', [])).toEqual([]);
  });

  it('a deleted item leaves only the lists of its own kind', () => {
    const goal = ifo.goals.find((g) => g.key === 'ifo-1:2-1')!;
    const changed = unlistItem(ifo, 'goals', goal, goal.key);
    expect(changed.map((section) => section.kind)).toEqual(['committee-goals']);
    expect(changed[0]!.include).not.toContain('ifo-1:2-1');
    expect(unlistItem(ifo, 'outlooks', { key: 'ifo-vuxenenheten' }, 'ifo-vuxenenheten')).toEqual([]);
  });
});
