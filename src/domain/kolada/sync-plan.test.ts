/** Planning a Kolada sync, back-off and Retry-After, and when the scheduled sync is due. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, isSyncDue, nextSyncDue, parseRetryAfter, readSchedule } from './backoff.ts';
import { chunkIds, dataPath, planDataUnits, readSince, sameRequest } from './sync-plan.ts';

const municipalities = Array.from({ length: 60 }, (_, i) => String(i * 10).padStart(4, '0'));

describe('planDataUnits', () => {
  it('splits KPIs and municipalities into blocks of at most 25, sorted, with stable keys', () => {
    const units = planDataUnits({ kpis: ['N31910', 'N31807'], municipalities, state: new Map() });
    expect(units.map((u) => [u.kpis.length, u.municipalities.length])).toEqual([
      [2, 25],
      [2, 25],
      [2, 10],
    ]);
    expect(units[0]!.kpis).toEqual(['N31807', 'N31910']);
    expect(units[0]!.key).toBe(`data:N31807,N31910:${municipalities.slice(0, 25).join(',')}`);
    expect(units.every((u) => u.fromDate === null)).toBe(true);
    expect(chunkIds(Array.from({ length: 51 }, (_, i) => `N${1000 + i}`)).map((b) => b.length)).toEqual([25, 25, 1]);
  });

  it('asks for data changed since the oldest fetch in a unit; a pair never fetched means everything; --since wins', () => {
    const state = new Map([
      ['N31807|0000', '2025-01-10'],
      ['N31807|0010', '2025-01-03'],
    ]);
    expect(planDataUnits({ kpis: ['N31807'], municipalities: ['0000', '0010'], state })[0]!.fromDate).toBe('2025-01-03');
    expect(planDataUnits({ kpis: ['N31807'], municipalities: ['0000', '0010', '0020'], state })[0]!.fromDate).toBeNull();
    expect(planDataUnits({ kpis: ['N31807'], municipalities: ['0000'], state, since: '2020-01-01' })[0]!.fromDate).toBe('2020-01-01');
  });

  it('builds the data path, reads --since and compares requests whatever their key order', () => {
    expect(dataPath({ kpis: ['N31807', 'N31910'], municipalities: ['0000', '2262'] })).toBe('/data/kpi/N31807,N31910/municipality/0000,2262');
    expect(readSince('2024-02-29')).toBe('2024-02-29');
    expect(readSince('2023-02-29')).toBeNull();
    expect(readSince('igår')).toBeNull();
    expect(sameRequest({ kpis: ['N1'], municipality: '2262', since: null }, { since: null, municipality: '2262', kpis: ['N1'] })).toBe(true);
    expect(sameRequest({ kpis: ['N1'] }, { kpis: ['N2'] })).toBe(false);
  });
});

describe('back-off and schedule', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it.each([
    ['120', 120_000],
    [' 1 ', 1_000],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
    ['snart', null],
    [null, null],
  ])('reads Retry-After %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [3, 0.5, 3000],
    [10, 1, 60_000],
  ])('waits, on attempt %i with random %f, %i ms (base 1 s, cap 60 s)', (attempt, random, expected) => {
    expect(backoffDelay({ attempt, baseMs: 1000, maxMs: 60_000, random })).toBe(expected);
  });

  it('reads STYRKORT_KOLADA_SYNC and says when a sync is due: a day after the last good one, an hour after a failed one', () => {
    expect([readSchedule(undefined), readSchedule('daily'), readSchedule('Weekly'), readSchedule('varje timme')]).toEqual(['off', 'daily', 'weekly', null]);
    const never = { okAt: null, attemptAt: null };
    const yesterdayNoon = new Date('2025-02-28T12:00:00Z');
    const yesterdayAfternoon = new Date('2025-02-28T13:00:00Z');
    expect(isSyncDue('off', never, now)).toBe(false);
    expect(isSyncDue('daily', never, now)).toBe(true);
    expect(isSyncDue('daily', { okAt: yesterdayAfternoon, attemptAt: yesterdayAfternoon }, now)).toBe(false);
    expect(isSyncDue('daily', { okAt: yesterdayNoon, attemptAt: yesterdayNoon }, now)).toBe(true);
    expect(isSyncDue('daily', { okAt: yesterdayNoon, attemptAt: new Date('2025-03-01T11:30:00Z') }, now)).toBe(false);
    expect(isSyncDue('daily', { okAt: null, attemptAt: new Date('2025-03-01T11:00:00Z') }, now)).toBe(true);
    expect(nextSyncDue('weekly', { okAt: yesterdayNoon, attemptAt: yesterdayNoon }, now)?.toISOString()).toBe('2025-03-07T12:00:00.000Z');
  });
});
