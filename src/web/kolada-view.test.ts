/** The Jämförelse chart's figures: the last twelve years drawn, a count KPI's country kept out of the scale, sv-SE printing. */
import { describe, expect, it } from 'vitest';
import type { SeriesYear } from './kolada-api.ts';
import { chartModel, defaultYear, formatFigure } from './kolada-view.ts';

function year(y: number, own: number | null, mean: number | null, country: number | null): SeriesYear {
  const statistics = { members: 7, withValues: 7, missing: [], mean, min: mean === null ? null : mean - 1, lowerQuartile: null, median: null, upperQuartile: null, max: mean === null ? null : mean + 1 };
  return { year: y, gender: 'T', own: { id: '2262', title: 'Timrå', value: own }, country, group: { id: 'G176127', title: 'Liknande kommuner ekonomiskt bistånd, Timrå, 2022', ownIsMember: false, statistics, ownPlace: null, ranking: [] } };
}

describe('Kolada chart figures', () => {
  it('draws the last twelve years of N31807 and counts the earlier ones', () => {
    const series = Array.from({ length: 29 }, (_, i) => year(1994 + i, 3 + i / 10, 3, 3));
    const model = chartModel(series);
    expect(model.years.map((y) => y.year)).toEqual(Array.from({ length: 12 }, (_, i) => 2011 + i));
    expect(model.earlierYears).toBe(17);
    expect(model.countryApart).toBe(false);
  });

  it("keeps the country's count out of the scale of N31910 (Timrå 329 households, the country 160 630)", () => {
    const model = chartModel([year(2021, 352, 1400, 165_000), year(2022, 329, 1384.571429, 160_630)]);
    expect(model.countryApart).toBe(true);
    expect(model.top).toBeCloseTo(1401 * 1.12, 6); // the 2021 group maximum
  });

  it('shows the latest year with the own value first, and prints figures in sv-SE', () => {
    expect(defaultYear([year(2021, 2.8, 3, 3), year(2022, 2.9, 3.3, 2.85), year(2023, null, 3.1, 2.7)])).toBe(2022);
    expect(formatFigure(2.900755)).toBe('2,9');
    expect(formatFigure(1384.571429, 1)).toBe('1\u00a0384,6');
    expect(formatFigure(null)).toBe('–');
  });
});
