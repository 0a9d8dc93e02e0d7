/** Finding a municipality's comparison groups by title, with real titles from pykolada-municipality_groups.json. */
import { describe, expect, it } from 'vitest';
import { comparisonGroupsOf, pickComparisonGroup, readComparisonGroupTitle } from './comparison-groups.ts';

const titles = [
  ['G36671', 'Liknande kommuner IFO, Timrå, 2022'],
  ['G176127', 'Liknande kommuner ekonomiskt bistånd, Timrå, 2022'],
  ['G176417', 'Liknande kommuner socioekonomi, Timrå, 2021'],
  ['G37547', 'Liknande kommuner, övergripande, Timrå, 2022'],
  ['G39720', 'Liknande kommuner LSS, Timrå, 2022'],
  ['G36660', 'Liknande kommuner IFO, Sundsvall, 2022'],
  ['G33629', 'Västernorrlands läns kommuner (ovägt medel)'],
  ['G2328', 'Alla kommuner (ovägt medel)'],
  // An older group of the same area, as after RKA recomputes (made up): the newer one is used.
  ['G11111', 'Liknande kommuner IFO, Timrå, 2019'],
].map(([id, title]) => ({ id: id!, title: title! }));

describe('comparison groups', () => {
  it.each([
    ['Liknande kommuner IFO, Timrå, 2022', { area: 'IFO', municipality: 'Timrå', year: 2022 }],
    ['Liknande kommuner, övergripande, Timrå, 2022', { area: 'övergripande', municipality: 'Timrå', year: 2022 }],
    ['Liknande kommuner ekonomiskt bistånd, Upplands Väsby, 2022', { area: 'ekonomiskt bistånd', municipality: 'Upplands Väsby', year: 2022 }],
    ['Alla kommuner (ovägt medel)', null],
    ['Liknande kommuner IFO, Timrå', null],
  ])('reads "%s"', (title, expected) => {
    expect(readComparisonGroupTitle(title)).toEqual(expected);
  });

  it("finds Timrå's groups, the latest year per area, and not Sundsvall's", () => {
    const groups = comparisonGroupsOf(titles, 'Timrå');
    expect(groups.map((g) => [g.id, g.area])).toEqual([
      ['G176127', 'ekonomiskt bistånd'],
      ['G36671', 'IFO'],
      ['G39720', 'LSS'],
      ['G176417', 'socioekonomi'],
      ['G37547', 'övergripande'],
    ]);
  });

  it.each([
    ['Liknande kommuner IFO', 'G36671'],
    ['IFO', 'G36671'],
    ['ifo', 'G36671'],
    ['Liknande kommuner IFO, Timrå, 2022', 'G36671'],
    ['G176127', 'G176127'],
    ['ekonomiskt bistånd', 'G176127'],
    ['Liknande kommuner, övergripande', 'G37547'],
    ['äldreomsorg', null],
  ])('picks "%s" → %s', (query, id) => {
    expect(pickComparisonGroup(comparisonGroupsOf(titles, 'Timrå'), query)?.id ?? null).toBe(id);
  });
});
