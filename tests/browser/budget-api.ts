/** The budget tests' set-up and checks straight against the API: the draft, another session's change, what is saved. */
import { expect } from 'vitest';
import type { BrowserHarness } from './harness.ts';
import * as sessions from './sessions.ts';

export const ifoKey = 'timra-ifo-2018-2020';
export const draftKey = 'timra-sn-2021-2023';

type Cells = Record<string, string>;
export interface SavedItem {
  rows: Array<{ line?: string; key?: string; text?: string; object?: string; cells: Cells }>;
  total?: { cells: Cells } | null;
}

/** Rolls the adopted SN plan over into the draft 2021–2023, as ledning. */
export async function rollOverDraft(harness: BrowserHarness): Promise<void> {
  expect(await sessions.rolledOverDraft(harness, { from: 'timra-sn-2020-2022', to: '2021-2023' })).toBe(draftKey);
}

/** The helpers both budget test files use, bound to the file's harness (set in its beforeAll). */
export function boundTo(harness: () => BrowserHarness) {
  return {
    /** A page logged in through the login form, optionally at another window size. */
    loggedInPage: async (username: string, viewport?: { width: number; height: number }) => {
      const page = await sessions.loggedInPage(harness(), username);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    patchFromElsewhere: (segment: string, key: string, cells: Array<{ row: string; column: string; text: string | null }>) => patchFromElsewhere(harness(), segment, key, cells),
    savedCells: (segment: string, key: string, row: string) => savedCells(harness(), segment, key, row),
  };
}

/** A change of cells of the draft from a second session, at the version it reads first. */
export async function patchFromElsewhere(harness: BrowserHarness, segment: string, key: string, cells: Array<{ row: string; column: string; text: string | null }>): Promise<void> {
  const api = await sessions.apiSession(harness, 'admin');
  const path = `${harness.baseUrl}/api/plans/${draftKey}/${segment}/${key}`;
  const read = await api.request.get(path);
  const response = await api.request.patch(`${path}/cells`, { data: { cells }, headers: { 'x-csrf-token': api.csrf, 'if-match': read.headers()['etag']! } });
  expect(response.status()).toBe(200);
}

/** A budget table or investment budget of the draft as saved. */
export async function savedItem(harness: BrowserHarness, segment: string, key: string): Promise<SavedItem> {
  const api = await sessions.apiSession(harness, 'lasare');
  return (await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}/${segment}/${key}`)).json()) as SavedItem;
}

/** The saved cells of one row (a budget line, an investment row's key, or '_total'). */
export async function savedCells(harness: BrowserHarness, segment: string, key: string, row: string): Promise<Cells> {
  const item = await savedItem(harness, segment, key);
  return row === '_total' ? item.total!.cells : item.rows.find((r) => (r.line ?? r.key) === row)!.cells;
}
