/** Page models of the follow-up round pages, so the browser test reads as what people do. */
import type { Locator, Page } from 'playwright-core';
import { AppPage } from '../browser/pages.ts';

export class RoundsPage extends AppPage {
  constructor(
    page: Page,
    baseUrl: string,
    readonly planKey: string,
  ) {
    super(page, baseUrl);
  }

  get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/omgangar`;
  }

  /** Fills in the open form and sends it; does not wait for the outcome. */
  async openRound(options: { period: string; deadline: string; reminderDays?: string }): Promise<void> {
    await this.page.getByLabel('Period', { exact: true }).fill(options.period);
    await this.page.getByLabel('Sista dag', { exact: true }).fill(options.deadline);
    if (options.reminderDays) await this.page.getByLabel('Påminnelse, dagar före sista dag').fill(options.reminderDays);
    await this.page.getByRole('button', { name: 'Öppna omgången' }).click();
  }

  error(): Locator {
    return this.page.locator('[data-message="error"]');
  }
}

export class RoundPage extends AppPage {
  constructor(
    page: Page,
    baseUrl: string,
    readonly planKey: string,
    readonly period: string,
  ) {
    super(page, baseUrl);
  }

  get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/omgangar/${encodeURIComponent(this.period)}`;
  }

  row(node: string): Locator {
    return this.page.locator(`#round-overview tr[data-node="${node}"]`);
  }

  async rowTexts(node: string): Promise<string[]> {
    return (await this.row(node).locator('th, td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  message(): Locator {
    return this.page.locator('[data-message]');
  }
}

export class AssignmentPage extends AppPage {
  constructor(
    page: Page,
    baseUrl: string,
    readonly planKey: string,
    readonly period: string,
    readonly node: string,
  ) {
    super(page, baseUrl);
  }

  get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/omgangar/${encodeURIComponent(this.period)}/${encodeURIComponent(this.node)}`;
  }

  item(key: string): Locator {
    return this.page.locator(`article[data-item="${key}"]`);
  }

  /** Writes an item's text and saves it, waiting for "… är sparad." */
  async write(key: string, text: string): Promise<void> {
    const item = this.item(key);
    await item.getByRole('textbox').fill(text);
    await item.getByRole('button', { name: 'Spara' }).click();
    await item.locator('[data-message="done"]').waitFor();
  }

  markDone(): Locator {
    return this.page.getByRole('button', { name: 'Markera som klar' });
  }

  doneMessage(): Locator {
    return this.page.locator('.round-done [data-message]');
  }

  left(): Locator {
    return this.page.locator('[data-left]');
  }
}

export class MyFollowUpPage extends AppPage {
  readonly path = '/min-uppfoljning';

  row(node: string): Locator {
    return this.page.locator(`#my-assignments tr[data-node="${node}"]`);
  }

  notices(): Locator {
    return this.page.locator('.notice-list__item');
  }
}
