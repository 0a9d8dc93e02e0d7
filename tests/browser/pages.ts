/** Page models: how a test finds its way on each page of the app, so the tests read as what a user does. */
import type { Locator, Page } from 'playwright-core';

/** What every page model shares: opening, waiting until loaded, the layout's parts, focus and sideways scrolling. */
export abstract class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  abstract readonly path: string;

  /** Opens the page and waits until its content (not the loading text) is there. */
  async open(): Promise<this> {
    await this.page.goto(this.baseUrl + this.path);
    await this.ready();
    return this;
  }

  async ready(): Promise<void> {
    await this.page.locator('main h1').waitFor();
    // A page may show more than one loading notice at once (its own and a panel's); wait for all.
    await this.page.waitForFunction(() => document.querySelectorAll('main [role="status"]').length === 0);
  }

  heading(): Locator {
    return this.page.locator('h1');
  }

  skipLink(): Locator {
    return this.page.getByRole('link', { name: /Hoppa till huvudinnehållet|Skip to main content/ });
  }

  mainNav(): Locator {
    return this.page.getByRole('navigation', { name: /Huvudmeny|Main menu/ });
  }

  languageSwitch(): Locator {
    return this.page.locator('.language-switch');
  }

  /** What has focus, described by tag, text, href and role. */
  async focused(): Promise<{ tag: string; text: string; href: string | null; role: string | null }> {
    return this.page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { tag: element?.tagName.toLowerCase() ?? '', text: element?.textContent?.trim() ?? '', href: element?.getAttribute('href') ?? null, role: element?.getAttribute('role') ?? null };
    });
  }

  /** Whether the page is wider than the window (sideways scrolling of the whole page). */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}

export class StartPage extends AppPage {
  readonly path = '/';

  committee(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  planLink(title: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 4 }).getByRole('link', { name: title });
  }
}

export class PlanPage extends AppPage {
  constructor(
    page: Page,
    baseUrl: string,
    readonly planKey: string,
  ) {
    super(page, baseUrl);
  }

  get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}`;
  }

  toc(): Locator {
    return this.page.getByRole('navigation', { name: /Innehåll|Contents/ });
  }

  table(caption: string | RegExp): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** The cells of a table row whose header cell has the text, as the page prints them. */
  async rowTexts(caption: string | RegExp, rowHeader: string): Promise<string[]> {
    const row = this.table(caption).first().locator('tr', { has: this.page.locator(`th[scope="row"]`, { hasText: rowHeader }) }).first();
    return row.locator('th, td').allInnerTexts();
  }

  /** The text of the live region that has focus ('' when none has): an action's outcome takes focus there. */
  focusedMessage(): Promise<string> {
    return this.page.evaluate(() => {
      const focused = document.activeElement;
      return focused?.matches('.live-message') ? (focused as HTMLElement).innerText : '';
    });
  }
}

/** A page of one table of a plan (a volume table, a budget table, an investment budget). */
export abstract class PlanTablePage extends PlanPage {
  constructor(
    page: Page,
    baseUrl: string,
    planKey: string,
    readonly tableKey: string,
  ) {
    super(page, baseUrl, planKey);
  }
}

/** Pastes text into a field as a spreadsheet does (a paste event with text/plain). */
export async function pasteAsSpreadsheet(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

export class ScorecardPage extends PlanPage {
  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/styrkort`;
  }

  indicatorRow(key: string): Locator {
    return this.page.locator(`tr[data-indicator="${key}"]`);
  }

  perspectiveHeadings(): Locator {
    return this.page.locator('section.perspective > h2');
  }
}

export class AccessibilityPage extends AppPage {
  readonly path = '/tillganglighet';
}

export class LoginPage extends AppPage {
  readonly path = '/logga-in';

  username(): Locator {
    return this.page.getByLabel('Användarnamn', { exact: true });
  }

  password(): Locator {
    return this.page.getByLabel('Lösenord', { exact: true });
  }

  /** The live region where a failed login is explained. */
  error(): Locator {
    return this.page.locator('#login-error');
  }

  /** Fills in and sends the form; does not wait for the outcome. */
  async submit(username: string, password: string): Promise<void> {
    await this.username().fill(username);
    await this.password().fill(password);
    await this.page.getByRole('button', { name: 'Logga in', exact: true }).click();
  }

  /** Logs in and waits until the header says who is logged in. */
  async logIn(username: string, password = 'styrkort-demo'): Promise<void> {
    await this.submit(username, password);
    await this.page.locator('.account__who').waitFor();
  }
}

/** The scorecard with an indicator's editor. */
export class EditableScorecardPage extends ScorecardPage {
  constructor(
    page: Page,
    baseUrl: string,
    planKey: string,
    readonly period: string,
  ) {
    super(page, baseUrl, planKey);
  }

  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/styrkort?period=${this.period}`;
  }

  statusText(key: string): Promise<string> {
    return this.indicatorRow(key).locator('.status__text').innerText();
  }

  async openEditor(key: string): Promise<Locator> {
    await this.indicatorRow(key).getByRole('button', { name: /^Ändra styrtalet/ }).click();
    const editor = this.page.locator(`[data-editor="${key}"]`);
    await editor.locator('form, .conflict').first().waitFor();
    return editor;
  }
}

/** Waits for the h1 and until no part of the page says it is loading (a page may load several parts). */
async function waitUntilLoaded(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main [role="status"]').length === 0);
}

/** The follow-up of a plan for a month: forecasts, the volume chart and the deviations. */
export class FollowUpPage extends PlanPage {
  constructor(
    page: Page,
    baseUrl: string,
    planKey: string,
    readonly period?: string,
  ) {
    super(page, baseUrl, planKey);
  }

  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/uppfoljning${this.period ? `?period=${this.period}` : ''}`;
  }

  /** Waits for the forecasts and the deviations, which load after the plan. */
  override async ready(): Promise<void> {
    await waitUntilLoaded(this.page);
    await this.page.locator('#forecast-volumes').waitFor();
    await this.page.locator('#deviations-heading').waitFor();
  }

  monthSelect(): Locator {
    return this.page.getByLabel(/Uppföljningsmånad|Follow-up month/);
  }

  chart(): Locator {
    return this.page.locator('.volume-chart svg[role="img"]');
  }
}

/** Two plans compared, a before b. */
export class ComparePage extends AppPage {
  constructor(
    page: Page,
    baseUrl: string,
    readonly a: string,
    readonly b: string,
  ) {
    super(page, baseUrl);
  }

  get path(): string {
    return `/jamfor?a=${encodeURIComponent(this.a)}&b=${encodeURIComponent(this.b)}`;
  }

  override async ready(): Promise<void> {
    await waitUntilLoaded(this.page);
    await this.page.locator('#compare-goals').waitFor();
  }

  goalRows(key: string): Locator {
    return this.page.locator(`tr[data-goal="${key}"]`);
  }

  table(caption: string | RegExp): Locator {
    return this.page.getByRole('table', { name: caption });
  }
}

/** "Importera utfall" of a plan: the form, the preview, the history. */
export class ImportsPage extends PlanPage {
  override get path(): string {
    return `/planer/${encodeURIComponent(this.planKey)}/importera`;
  }

  fileInput(): Locator {
    return this.page.getByLabel(/^(Fil|File)$/);
  }

  /** Chooses a file of the given text (as the file picker would). */
  async chooseFile(name: string, text: string): Promise<void> {
    await this.fileInput().setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** The live message under the form (or the history), once shown. */
  message(kind: 'done' | 'error', within: 'form' | 'history' = 'form'): Locator {
    const scope = within === 'form' ? this.page.locator('.page--imports > .live-message') : this.page.locator('.import-history .live-message');
    return scope.locator(`[data-message="${kind}"]`);
  }

  historyRow(fileName: string): Locator {
    return this.page.locator('.import-history tbody tr', { has: this.page.locator('th', { hasText: fileName }) }).first();
  }
}
