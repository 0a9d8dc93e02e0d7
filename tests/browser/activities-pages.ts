/** Page model of the activities page: the view switch, the filters, the tables, the status board and the edit form. */
import type { Locator } from 'playwright-core';
import { PlanPage } from './pages.ts';

export class ActivitiesPage extends PlanPage {
  view: 'table' | 'board' = 'table';

  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/aktiviteter${this.view === 'board' ? '?vy=tavla' : ''}`;
  }

  /** Opens the page in a view (the table unless told). */
  async openIn(view: 'table' | 'board'): Promise<this> {
    this.view = view;
    return this.open();
  }

  override async ready(): Promise<void> {
    await super.ready();
    await this.page.locator('.activities-tools').waitFor();
  }

  viewButton(name: 'Tabell' | 'Statustavla'): Locator {
    return this.page.getByRole('group', { name: 'Visa aktiviteterna som' }).getByRole('button', { name });
  }

  filter(label: 'Status' | 'Organisation' | 'Tillhör verksamhet'): Locator {
    return this.page.locator('.activity-filters').getByLabel(label, { exact: true });
  }

  count(): Locator {
    return this.page.locator('.activity-filters__count');
  }

  /** The live region of the page (moves, deletions). */
  message(): Locator {
    return this.page.locator('main > .page > .live-message');
  }

  /** An activity table by its caption. */
  activityTable(caption: string): Locator {
    return this.page.getByRole('table', { name: caption, exact: true });
  }

  /** The cells of an activity's row as the page shows them (name first). */
  override async rowTexts(caption: string, name: string): Promise<string[]> {
    const row = this.activityTable(caption).locator('tbody tr', { has: this.page.locator('th[scope="row"]', { hasText: name }) }).first();
    return (await row.locator('th, td').allInnerTexts()).map((text) => text.trim());
  }

  /** A column of the status board by its status name ("Pågår"). */
  column(status: string): Locator {
    return this.page.locator('.status-column', { has: this.page.locator('h3', { hasText: new RegExp(`^${status} \\(`) }) });
  }

  /** The names of the cards in a column. */
  async cardNames(status: string): Promise<string[]> {
    return this.column(status).locator('.activity-card__name').allInnerTexts();
  }

  card(key: string): Locator {
    return this.page.locator(`[data-card="${key}"]`);
  }

  /** Opens the edit form of an activity (table view) and waits for it. */
  async openEditor(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Ändra aktiviteten ${name}`, exact: true }).click();
    return this.editor();
  }

  /** The open edit form (its section). */
  async editor(): Promise<Locator> {
    const editor = this.page.locator('.activity-editor');
    await editor.locator('form, .conflict').first().waitFor();
    return editor;
  }

  /** What has focus: its tag, the card it sits in and the column that card is in. */
  async focusedCard(): Promise<{ tag: string; card: string | null; column: string | null }> {
    return this.page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        card: element?.closest('[data-card]')?.getAttribute('data-card') ?? null,
        column: element?.closest('[data-column]')?.getAttribute('data-column') ?? null,
      };
    });
  }
}
