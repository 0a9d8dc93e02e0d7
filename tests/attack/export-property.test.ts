/**
 * Issue 10, defect 11, as a property: every plan that validates prints in every format. A plan
 * with duplicate vision-theme keys imported and then failed as a PDF; here real plans with random
 * mutations (items duplicated, removed, moved; odd texts; keys swapped) that still validate are
 * rendered as PDF, Word, Excel and HTML, plan document and follow-up report, and none may throw.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../../src/documents/report-view-model.ts';
import { validatePlanFile } from '../../src/domain/validate-plan.ts';
import { documentFormats, renderView } from '../../src/services/document-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { fuzzOptions, reportFigures } from './fuzz.ts';
import { mutatePlan, mutationArbitrary } from './plan-mutations.ts';

const demo = (key: string): unknown => JSON.parse(readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8'));

/** Renders a valid plan in every format, plan and report; returns how many documents were made. */
async function printEverything(input: unknown, formats: ReadonlyArray<(typeof documentFormats)[number]>): Promise<number | null> {
  const validation = validatePlanFile(input);
  if (!validation.ok) return null;
  const plan = validation.plan;
  const views = [buildPlanDocument(plan), buildReportDocument(plan, { period: String(plan.plan.periodStart) })];
  let made = 0;
  for (const view of views) {
    for (const format of formats) {
      const document = await renderView(view, format);
      expect(document.body.length).toBeGreaterThan(100);
      made += 1;
    }
  }
  return made;
}

describe('every plan that validates prints', () => {
  it('defect 11: mutated small plans, every format', { timeout: 300_000 }, async () => {
    const figures = { tried: 0, valid: 0, documents: 0, failures: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (mutations) => {
        figures.tried += 1;
        const made = await printEverything(mutatePlan(aPlan(), mutations), documentFormats);
        if (made !== null) {
          figures.valid += 1;
          figures.documents += made;
        }
      }),
      fuzzOptions(60),
    ).catch((error: unknown) => {
      figures.failures += 1;
      throw error;
    }).finally(() => reportFigures('export property, small plans', figures));
    // Enough of the tried plans validate for the property to say something: one in ten, at any STYRKORT_FUZZ_SCALE.
    expect(figures.valid).toBeGreaterThanOrEqual(Math.ceil(figures.tried / 10));
  });

  it('defect 11: mutated demo plans, Excel and HTML every time, PDF and Word for some', { timeout: 300_000 }, async () => {
    const plans = [demo('timra-ifo-2018-2020'), demo('timra-sn-2020-2022')];
    const figures = { tried: 0, valid: 0, documents: 0, failures: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), async (which, mutations) => {
        figures.tried += 1;
        // PDF and Word take seconds for a whole plan on a loaded machine: every sixth valid plan gets them.
        const formats = figures.valid % 6 === 0 ? documentFormats : (['xlsx', 'html'] as const);
        const made = await printEverything(mutatePlan(plans[which], mutations), formats);
        if (made !== null) {
          figures.valid += 1;
          figures.documents += made;
        }
      }),
      fuzzOptions(40),
    ).catch((error: unknown) => {
      figures.failures += 1;
      throw error;
    }).finally(() => reportFigures('export property, demo plans', figures));
    expect(figures.valid).toBeGreaterThanOrEqual(Math.ceil(figures.tried / 10));
  });
});
