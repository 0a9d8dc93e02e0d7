/**
 * Debian's Chromium for the browser tests, driven by playwright-core (which cannot download
 * browsers here). Debian builds it in two forms from one source: `chromium`, the whole browser,
 * and `chromium-headless-shell`, the same Blink, V8 and DevTools protocol without the browser's
 * user interface, which is what Playwright itself runs for headless tests. The shell ran the 16
 * browser files in 221 s against the whole browser's 311 s on two cores (decision 0023), so it is
 * used when installed (.ci/run installs it); CHROMIUM_PATH names another.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const headlessShell = '/usr/bin/chromium-headless-shell';

export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : '/usr/bin/chromium');

/** The flags that run Chromium headless in a container (docs: STACK-NOTES §6). */
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
