/**
 * The public pages in Chromium against the real server with the two demo plans: each has one h1
 * and the landmarks, passes axe (WCAG 2.0 A/AA, 2.1 AA) and shows what the plans print.
 * Screenshots go to test-output/screenshots/ for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanFile } from '../../src/domain/plan.ts';
import { axeViolations, screenshot, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { AccessibilityPage, PlanPage, ScorecardPage, StartPage } from './pages.ts';

const demo = (key: string): PlanFile => JSON.parse(readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8')) as PlanFile;
const ifo = demo('timra-ifo-2018-2020');
const sn = demo('timra-sn-2020-2022');

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function expectPageStructure(page: StartPage | PlanPage | AccessibilityPage): Promise<void> {
  await expect(page.heading().count()).resolves.toBe(1);
  for (const role of ['banner', 'main', 'contentinfo'] as const) await expect(page.page.getByRole(role).count()).resolves.toBe(1);
  await expect(page.mainNav().count()).resolves.toBe(1);
  expect(await axeViolations(page.page)).toEqual([]);
}

describe('public pages', () => {
  it('the start page shows the municipality, its committee and the adopted plans', async () => {
    const start = await new StartPage(await harness.newPage(), harness.baseUrl).open();
    await expect(start.heading().innerText()).resolves.toBe('Verksamhetsplaner');
    await expect(start.page.getByRole('heading', { level: 2 }).first().innerText()).resolves.toBe('Timrå kommun');
    const committee = start.committee('Socialnämnden');
    await expect(committee.getByRole('link', { name: ifo.plan.title, exact: true }).count()).resolves.toBe(1);
    await expect(committee.getByRole('link', { name: sn.plan.title, exact: true }).count()).resolves.toBe(1);
    await expect(start.page.title()).resolves.toBe('Verksamhetsplaner – Styrkort');
    await expectPageStructure(start);
    await screenshot(start.page, 'start');
  });

  it('a plan reads in full: table of contents, sections in order, figures exactly as printed and right-aligned', async () => {
    const plan = await new PlanPage(await harness.newPage(), harness.baseUrl, ifo.plan.key).open();
    await expect(plan.heading().innerText()).resolves.toBe(ifo.plan.title);
    const tocTexts = await plan.toc().getByRole('link').allInnerTexts();
    // The plan's section headings in order; a text section with no text has nothing to show.
    const shown = ifo.sections.filter((section) => section.inToc && section.heading && (section.kind !== 'text' || section.body || section.include?.length));
    expect(tocTexts).toEqual(shown.map((section) => section.heading));
    // Every budget table prints every cell as the stored plan has it (the demo's imported 2017 months included).
    const stored = (await (await plan.page.request.get(`${harness.baseUrl}/api/plans/${ifo.plan.key}`)).json()) as PlanFile;
    for (const budget of stored.budgetTables) {
      const table = plan.page.locator(`table[id="plan-table-s-budget-${budget.key}"]`);
      for (const row of budget.rows) {
        const cells = await table.locator('tr', { has: plan.page.locator('th[scope="row"]', { hasText: row.label }) }).locator('td').allInnerTexts();
        expect(cells, `${budget.key}: ${row.label}`).toEqual(budget.columns.map((column) => (row.cells[column.key] ?? '').trim()));
      }
    }
    const netCell = plan.page.locator('table[id="plan-table-s-budget-rr-ifo"] tr.row--total td').first();
    await expect(netCell.innerText()).resolves.toBe('-65 594');
    await expect(netCell.evaluate((cell) => getComputedStyle(cell).textAlign)).resolves.toBe('right');
    // The table of contents leads to its section.
    await plan.toc().getByRole('link', { name: 'Budget' }).click();
    expect(new URL(plan.page.url()).hash).toBe('#plan-s-budget');
    await expectPageStructure(plan);
    await screenshot(plan.page, 'plan-ifo');
  });

  it('the Socialnämnden plan shows its indicators with targets per year, outlooks, investments and office holders', async () => {
    const plan = await new PlanPage(await harness.newPage(), harness.baseUrl, sn.plan.key).open();
    const indicators = plan.page.locator('table[id="plan-table-s-styrtal-tabell"]');
    const indicator = sn.indicators.find((entry) => entry.number === '1.2.1')!;
    const row = await indicators.locator('tr', { has: plan.page.locator('th[scope="row"]', { hasText: '1.2.1 ' }) }).locator('td').allInnerTexts();
    expect(row).toEqual([...sn.indicatorTable!.years.map((year) => indicator.targets.find((target) => target.year === year)?.text ?? ''), indicator.appliesTo]);
    await expect(indicators.locator('tbody th[scope="rowgroup"]').count()).resolves.toBe(sn.perspectives.length);
    for (const outlook of sn.outlooks.slice(0, 3)) await expect(plan.page.getByRole('heading', { name: outlook.label, exact: true }).count()).resolves.toBeGreaterThan(0);
    const holder = sn.officeHolders[0]!;
    await expect(plan.page.getByText(`${holder.role}: ${holder.name}`).count()).resolves.toBe(1);
    await expectPageStructure(plan);
    await screenshot(plan.page, 'plan-sn');
  });

  it('the scorecard groups goals by perspective with target, status in words and icon', async () => {
    const card = await new ScorecardPage(await harness.newPage(), harness.baseUrl, sn.plan.key).open();
    await expect(card.perspectiveHeadings().allInnerTexts()).resolves.toEqual(sn.perspectives.map((p) => `${p.number} ${p.name}`));
    await expect(card.page.getByLabel('Uppföljningsperiod').inputValue()).resolves.toBe('2020');
    const row = card.indicatorRow('st-1.2.1');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('80%');
    expect(cells[2]).toContain('Ej mätt');
    await expect(row.locator('.status svg').count()).resolves.toBe(1);
    // Another year is one choice and a button away.
    await card.page.getByLabel('Uppföljningsperiod').selectOption('2018');
    await card.page.getByRole('button', { name: 'Visa', exact: true }).click();
    await card.page.waitForURL(/period=2018/);
    await expect(card.indicatorRow('st-1.2.1').locator('td').first().innerText()).resolves.toBe('90%');
    await expectPageStructure(card);
    await screenshot(card.page, 'scorecard-sn');
  });

  it('the IFO scorecard shows the committee goals beneath the municipal ones', async () => {
    const card = await new ScorecardPage(await harness.newPage(), harness.baseUrl, ifo.plan.key).open();
    const committeeGoal = ifo.goals.find((goal) => goal.level !== 'municipal' && goal.parent)!;
    const parentSection = card.page.locator(`section.goal[data-goal="${committeeGoal.parent}"]`);
    await expect(parentSection.locator(`li[data-goal="${committeeGoal.key}"]`).count()).resolves.toBe(1);
    await expectPageStructure(card);
    await screenshot(card.page, 'scorecard-ifo');
  });

  it('the accessibility statement and the 404 page', async () => {
    const statement = await new AccessibilityPage(await harness.newPage(), harness.baseUrl).open();
    await expect(statement.heading().innerText()).resolves.toBe('Tillgänglighetsredogörelse');
    await expect(statement.page.getByText('delvis förenlig', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expectPageStructure(statement);
    await screenshot(statement.page, 'tillganglighet');

    const page = await harness.newPage();
    await page.goto(`${harness.baseUrl}/finns/inte`);
    const missing = new AccessibilityPage(page, harness.baseUrl);
    await missing.ready();
    await expect(missing.heading().innerText()).resolves.toBe('Sidan finns inte');
    await expectPageStructure(missing);

    await page.goto(`${harness.baseUrl}/planer/finns-inte`);
    await page.getByRole('alert').waitFor();
    await expect(missing.heading().innerText()).resolves.toBe('Planen hittades inte');
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Planen finns inte');
    await expectPageStructure(missing);
    await screenshot(page, 'plan-missing');
  });

  it('the accessibility check finds what it is there to find: a picture without text, faint text, a field without a label', async () => {
    // axe reports violations only (resultTypes), so that a check costs less; this shows it still reports them.
    const statement = await new AccessibilityPage(await harness.newPage(), harness.baseUrl).open();
    await statement.page.locator('main').evaluate((main) => {
      main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><p style="color:#bbb;background:#fff">Blek text</p><input type="text">');
    });
    const found = (await axeViolations(statement.page)).map((violation) => violation.split(' ')[0]);
    expect(found.sort()).toEqual(['color-contrast', 'image-alt', 'label']);
  });
});
