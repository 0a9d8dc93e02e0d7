/**
 * The plan documents and a follow-up report as HTML: one self-contained page each that axe-core
 * (every rule, WCAG 2.1 AA and best practice) finds no violation in, in Debian's Chromium.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/documents/html.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../../src/documents/report-view-model.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { demoPlans, loadDemoPlan } from './helpers.ts';

const pages = [
  ...demoPlans.map(({ key }) => ({ name: key, html: () => renderHtml(buildPlanDocument(loadDemoPlan(key))) })),
  { name: 'timra-ifo-2018-2020, uppföljning 2017-08', html: () => renderHtml(buildReportDocument(loadDemoPlan('timra-ifo-2018-2020'), { period: '2017-08' })) },
];

// Needs Debian's Chromium (tests/helpers/chromium.ts); .ci/run installs it.
describe('HTML documents', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(pages)('$name passes axe-core with zero violations', async ({ html }) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      await page.setContent(html());
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(20);
    } finally {
      await context.close();
    }
  });

  it('is self-contained: no scripts, no external style sheets, images or fonts', () => {
    for (const { html } of pages) {
      const text = html();
      expect(text).toMatch(/^<!doctype html>\n<html lang="sv">/);
      expect(text).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    }
  });
});
