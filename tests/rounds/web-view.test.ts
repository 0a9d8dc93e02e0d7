/**
 * What the round pages compute, without a browser: dates in Swedish, items grouped in the report's
 * order, free sections from lines, the review grant by the server's rule, the chart of a volume
 * item, and the status badge's words and icons (rendered to markup), overdue included.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/domain/plan.ts';
import { AssignmentStatus } from '../../src/web/components/rounds/AssignmentStatus.tsx';
import { I18nProvider } from '../../src/web/i18n/index.tsx';
import { forecastPlan } from '../../src/domain/forecast-plan.ts';
import { chartOf, forecastLines, formatDate, formatDateTime, groupItems, mayReview, sectionsFromLines, startingTemplate } from '../../src/web/rounds-view.ts';
import { readDemoPlan } from '../../src/services/demo.ts';

const ifo = PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json'));

describe('round pages without a browser', () => {
  it('prints dates and times the Swedish way, in Swedish time', () => {
    expect(formatDate('2017-09-15')).toBe('15 september 2017');
    expect(formatDateTime('2017-09-12T05:00:00.000Z')).toBe('12 september 2017 kl. 07:00');
  });

  it('groups items in the report\'s order and reads free sections from lines', () => {
    const items = [{ kind: 'section' as const, key: 's' }, { kind: 'analysis' as const, key: 'a' }, { kind: 'goal' as const, key: 'g' }];
    expect(groupItems(items).map((group) => group.kind)).toEqual(['analysis', 'goal', 'section']);
    expect(sectionsFromLines('Viktiga händelser\n\n  Framtid \nViktiga händelser\nÅtgärder för år 2026')).toEqual([
      { key: 'viktiga-handelser', heading: 'Viktiga händelser' },
      { key: 'framtid', heading: 'Framtid' },
      { key: 'atgarder-for-ar-2026', heading: 'Åtgärder för år 2026' },
    ]);
    expect(startingTemplate('2017-05').sections).toEqual([]);
  });

  it('lets a controller over the node review, by the server\'s rule', () => {
    expect(mayReview({ username: 'ekonom', role: 'ekonom', unitKey: 'sn' }, ifo, 'ifo-vuxna')).toBe(true);
    expect(mayReview({ username: 'e', role: 'ekonom', unitKey: 'ekb' }, ifo, 'ifo-vuxna')).toBe(false);
    expect(mayReview({ username: 'vuxna', role: 'redaktör', unitKey: 'ifo-vuxna' }, ifo, 'ifo-vuxna')).toBe(false);
  });

  it('draws a volume item\'s months through the period against its plan', () => {
    const chart = chartOf(ifo, '2017-08', 'individstod-brukare')!;
    expect(chart.months.map((month) => month.text)).toEqual(['49', '44', '45', '47', '47', '47', '47', '47']);
    expect(chart.plan).toMatchObject({ text: '65' });
    expect(chartOf(ifo, '2017-08', 'rr-ifo-vuxna')).toBeNull();
  });

  it('gives the year-end forecast beside an analysis: a volume\'s run rate with its interval, a budget\'s entered forecast', () => {
    const forecast = forecastPlan(ifo, { asOf: '2017-08' });
    expect(forecastLines(forecast, 'individstod-brukare')).toEqual([{ label: 'Antal brukare individstöd (sista dagen i månaden)', value: '46,6', source: 'takt hittills', interval: { low: '43,6', high: '49,7' }, planned: '65' }]);
    expect(forecastLines(forecast, 'rr-ifo-vuxna')).toEqual([{ label: 'IFO, Vuxna nettokostnader', value: '-31 501', source: 'Prognos 2017 aug', interval: null, planned: '-34 201' }]);
  });

  it('says a status and overdue in words, each with its own icon', () => {
    const html = (status: string, overdue: boolean) => renderToStaticMarkup(createElement(I18nProvider, null, createElement(AssignmentStatus, { status, overdue })));
    const late = html('in-progress', true);
    expect(late).toContain('Pågår');
    expect(late).toContain('Försenad');
    expect(late).toContain('round-icon--overdue');
    expect(late).toContain('data-overdue="true"');
    expect(html('done', false)).not.toContain('Försenad');
    expect(html('sent-back', false)).toContain('Skickad tillbaka');
  });
});
