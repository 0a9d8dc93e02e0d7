/**
 * Browser tests' harness: what `styrkort serve` runs (startServing: the web app built when stale,
 * the API, the reminders) in the test's own process, on a fresh copy of the run's demo database,
 * and Debian's Chromium driven by playwright-core. One server and one browser per test file; each
 * test gets its own context (locale sv-SE). In a process of its own the server cost 2.1 CPU-s to
 * start per file (Node, tsx and every module loaded again); `serve` as a command, with its signals,
 * is tested by tests/cli.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { startServing } from '../../src/cli/serve.ts';
import { withEnv } from '../helpers/cli.ts';
import { copyTemplate, testTemplates } from '../helpers/templates.ts';

export const screenshotDir = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

export const desktop = { width: 1280, height: 900 };
export const narrow = { width: 320, height: 640 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('ingen port'))));
    });
  });
}

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  /** A fresh context and page (Swedish locale); closed by close(). */
  newPage(options?: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `env` goes to the server (e.g. STYRKORT_NOW, STYRKORT_SMTP_HOST for the follow-up rounds' tests).
 * `template: false` lets the server make its new data directory itself, as `npm start` on a fresh
 * clone does, instead of starting from the run's demo template.
 */
export async function startBrowserHarness(options: { env?: Record<string, string>; template?: boolean } = {}): Promise<BrowserHarness> {
  const root = mkdtempSync(join(tmpdir(), 'styrkort-browser-'));
  const data = join(root, 'data');
  const fromTemplate = options.template !== false;
  // The run's demo database (tests/helpers/templates.ts): what `serve` would load into a new directory, made once.
  const templates = fromTemplate ? testTemplates() : null;
  if (templates) copyTemplate(templates.demo, data);
  const port = await freePort();
  // The environment the command would have: settings read at start (STYRKORT_NOW, STYRKORT_SMTP_*) take `env`.
  const restoreEnv = withEnv({ DATABASE_URL: '', STYRKORT_DATA: '', STYRKORT_DEMO_KOLADA: 'off', ...options.env });
  const server = await startServing({ port: String(port), host: '127.0.0.1', data, logLevel: 'warn' }).finally(restoreEnv);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(options = {}) {
      // AxeBuilder needs a page from newContext(), not browser.newPage().
      const context = await browser.newContext({ viewport: options.viewport ?? desktop, locale: 'sv-SE', javaScriptEnabled: options.javaScriptEnabled ?? true });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // A 400 (refused input), 401, 404, 409 (frozen) or 412 (conflict) from the API is an answer the page shows, not a fault of the page.
        if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of (400|401|404|409|412)/.test(message.text())) errors.push(message.text());
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.stop();
      rmSync(root, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`Fel i webbläsarens konsol:\n${errors.join('\n')}`);
    },
  };
}

/**
 * axe-core with the WCAG 2.0 A/AA and 2.1 AA rules; the violations, readable in a failing assertion.
 * Legacy mode runs axe.run() in the page: the same rules, same-origin frames included (the app has
 * no frames). The default opens a blank page per call to merge per-frame results, and injects axe
 * into it again: about 4 % of a browser file's CPU (52.5 → 50.2 and 58.8 → 56.9 CPU-s, two files).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** A full-page screenshot under test-output/screenshots/ (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A screenshot of one part of a page (an editor, a form), small enough to look at closely. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await locator.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
