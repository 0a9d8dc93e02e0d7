/** Page models for the insight views: rollover with its preview, the volume grid's plan against actual, the scorecard's filter and history. */
import type { Locator, Page } from 'playwright-core';
import { PlanPage, PlanTablePage, ScorecardPage } from './pages.ts';

/** Waits for the h1 and until no part of the page says it is loading. */
async function waitUntilLoaded(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main [role="status"]').length === 0);
}

/**
 * The elements that stick out past the right edge of the window (innermost first), to say what
 * makes a page scroll sideways; elements inside a scrolling region are left out.
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (element: Element) => (element.parentElement?.closest('.scroll-region') ?? null) !== null || element.closest('svg *') !== null;
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !inScroller(element))
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)})`)
      .slice(-8);
  });
}

export class RolloverPage extends PlanPage {
  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/overfor`;
  }

  period(): Locator {
    return this.page.getByLabel('Ny planperiod', { exact: true });
  }

  key(): Locator {
    return this.page.getByLabel('Nyckel för den nya planen (valfri)', { exact: true });
  }

  /** The outcome of the last step: [data-message="done"|"error"]. */
  message(kind: 'done' | 'error'): Locator {
    return this.page.locator(`[data-message="${kind}"]`);
  }

  preview(): Locator {
    return this.page.locator('.rollover-preview');
  }

  async previewFor(period: string, key = ''): Promise<void> {
    await this.period().fill(period);
    await this.key().fill(key);
    await this.page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click();
  }

  createButton(): Locator {
    return this.page.getByRole('button', { name: 'Skapa ny plan', exact: true });
  }
}

/** The scorecard with ?enhet= (organisation filter) and the indicator history disclosures. */
export class InsightScorecardPage extends ScorecardPage {
  constructor(
    page: Page,
    baseUrl: string,
    planKey: string,
    readonly query = '',
  ) {
    super(page, baseUrl, planKey);
  }

  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/styrkort${this.query}`;
  }

  filter(): Locator {
    return this.page.getByLabel('Organisation', { exact: true });
  }

  indicatorRows(): Locator {
    return this.page.locator('tr[data-indicator]');
  }

  editButtons(): Locator {
    return this.page.getByRole('button', { name: /^Ändra styrtalet/ });
  }

  async openHistory(key: string): Promise<Locator> {
    await this.indicatorRow(key).getByRole('button', { name: /^Historik för/ }).click();
    const figure = this.page.locator(`#history-${CSS.escape(key)}`);
    await figure.waitFor();
    return figure;
  }
}

/** CSS.escape for Node (ids like "st-1.2.1" need their dots escaped). */
const CSS = { escape: (text: string) => text.replace(/([^a-zA-Z0-9_-])/g, '\\$1') };

export class VolumeGridPage extends PlanTablePage {
  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/volymer/${encodeURIComponent(this.tableKey)}`;
  }

  override async ready(): Promise<void> {
    await waitUntilLoaded(this.page);
    await this.page.locator('table.volume-grid').waitFor();
  }

  /** The plan-against-actual row of a measure: [measure, plan, actual, deviation, rule]. */
  compareRow(rowKey: string): Promise<string[]> {
    return this.page.locator(`tr[data-compare-row="${rowKey}"]`).first().locator('th, td').allInnerTexts();
  }

  chart(): Locator {
    return this.page.locator('figure.volume-chart');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await this.page.locator('[data-message="done"]').waitFor();
  }
}
