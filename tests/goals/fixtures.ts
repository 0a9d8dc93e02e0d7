/**
 * The plans of other municipalities transcribed for issue 12's goals work (tests/fixtures/plans,
 * sources in docs/goals.md): Vårgårda's annual report 2023 and goal pages 2019–2021, Västervik's
 * annual report 2021, Nynäshamn's annual report 2018 and Kungsör's common goals.
 */
import { readFileSync } from 'node:fs';
import { PlanFile } from '../../src/domain/plan.ts';

export const fixturePlans = ['vargarda-bvp-2023-2025', 'vargarda-mal-2019-2021', 'vastervik-ar-2021', 'nynashamn-fp-2018-2021', 'kungsor-kf-2021-2025'] as const;

export function fixtureText(key: (typeof fixturePlans)[number]): string {
  return readFileSync(new URL(`../fixtures/plans/${key}.json`, import.meta.url), 'utf8');
}

export function loadFixturePlan(key: (typeof fixturePlans)[number]): PlanFile {
  return PlanFile.parse(JSON.parse(fixtureText(key)));
}
