/** Page models: how a test finds its way on each page of the app, so the tests read as what a user does. */
import type { Locator, Page } from 'playwright-core';

abstract class AppPage {
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
    await this.page.locator('main [role="status"]').waitFor({ state: 'detached' });
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

  /** What has focus, described by tag, text and href. */
  async focused(): Promise<{ tag: string; text: string; href: string | null }> {
    return this.page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { tag: element?.tagName.toLowerCase() ?? '', text: element?.textContent?.trim() ?? '', href: element?.getAttribute('href') ?? null };
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
