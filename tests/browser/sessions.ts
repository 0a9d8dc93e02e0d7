/** Logged-in sessions for browser tests: one straight against the API, one through the login page. */
import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserHarness } from './harness.ts';
import { LoginPage } from './pages.ts';

/** The demo accounts' password (see README: demo only). */
export const demoPassword = 'styrkort-demo';

/** A session straight against the API (its own cookie jar), with its CSRF token. */
export async function apiSession(harness: BrowserHarness, username: string): Promise<{ request: APIRequestContext; csrf: string }> {
  const page = await harness.newPage();
  const request = page.context().request;
  const response = await request.post(`${harness.baseUrl}/api/session`, { data: { username, password: demoPassword } });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { request, csrf: csrfToken };
}

/** A page logged in through the login form, in a window of the harness's size unless `viewport` says another. */
export async function loggedInPage(harness: BrowserHarness, username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const login = await new LoginPage(await harness.newPage(viewport ? { viewport } : undefined), harness.baseUrl).open();
  await login.logIn(username);
  return login.page;
}

/**
 * Rolls an adopted demo plan over into a draft of the period `to` ("2021-2023"), as ledning unless
 * `as` names another account, the way every editing test gets a plan it may change. Returns the
 * draft's key ("timra-sn-2021-2023").
 */
export async function rolledOverDraft(harness: BrowserHarness, options: { from: string; to: string; as?: string }): Promise<string> {
  const { request, csrf } = await apiSession(harness, options.as ?? 'ledning');
  const created = await request.post(`${harness.baseUrl}/api/plans/${options.from}/rollover`, { data: { to: options.to }, headers: { 'x-csrf-token': csrf } });
  expect(created.status()).toBe(201);
  return decodeURIComponent(created.headers()['location']!.split('/').pop()!);
}
