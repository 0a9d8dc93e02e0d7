/**
 * Every text field through the API, fuzzed: each string of a complete plan file in turn gets an
 * odd value — control characters, lone surrogates, decomposed letters, 20 000 characters, markup,
 * formulas, arbitrary code points — and the plan is imported; then the fields of a plan's head and
 * of an indicator are edited the same way, and addresses, queries and the reason header carry
 * such texts. No answer may be a 5xx or take over 2 s, and every plan the API accepts must come
 * out as PDF, Word, Excel and HTML, plan and report.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, startApi, type Api, type Client } from '../api/harness.ts';
import { fuzzOptions, fuzzSeed, reportFigures } from './fuzz.ts';
import { copyJson, pathText, setAt, stringLeaves } from './plan-walk.ts';
import { oddTexts } from './plan-mutations.ts';

const hostile = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u001b[2J', '\u0007', '\u0085', '\u2028', '\uffff', '\ufeff', 'e\u0301', 'A\u030a', 'x'.repeat(20_001), '<script>alert(1)</script>', '=cmd|\' /C calc\'!A0'];
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const fuzzText = fc.oneof(
  fc.constantFrom(...oddTexts, ...hostile),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** A path segment or query value percent-encoded even when it holds a lone surrogate (as raw, invalid UTF-8 bytes). */
function encodeAny(text: string): string {
  return [...text].map((char) => (/[\ud800-\udfff]/.test(char) ? [0xe0 | (char.charCodeAt(0) >> 12), 0x80 | ((char.charCodeAt(0) >> 6) & 0x3f), 0x80 | (char.charCodeAt(0) & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('') : encodeURIComponent(char))).join('');
}

const documentUrls = (key: string) => [...['pdf', 'docx', 'xlsx', 'html'].map((format) => `/api/plans/${key}/document.${format}`), `/api/plans/${key}/report.html?period=2020`, `/api/plans/${key}/report.pdf?period=2020`];

describe('every text field through the API', () => {
  let api: Api;
  let admin: Client;
  const figures = { requests: 0, accepted: 0, refused: 0, documents: 0, slowest_ms: 0, failures: 0 };

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    admin = await api.as('admin');
  });
  afterAll(async () => {
    reportFigures('API text fields', figures);
    await api?.close();
  });

  /** Sends one request; fails on a 5xx or a wait over 2 s. */
  async function timed(send: () => Promise<LightMyRequestResponse>, what: string): Promise<LightMyRequestResponse> {
    const started = performance.now();
    const response = await send();
    const elapsed = performance.now() - started;
    figures.requests += 1;
    figures.slowest_ms = Math.max(figures.slowest_ms, Math.round(elapsed));
    expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
    expect(elapsed, `${what} tog ${Math.round(elapsed)} ms`).toBeLessThan(2000);
    if (response.statusCode < 300) figures.accepted += 1;
    else figures.refused += 1;
    return response;
  }

  async function printsEverything(key: string): Promise<void> {
    for (const url of documentUrls(key)) {
      const response = await admin.get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
      figures.documents += 1;
    }
  }

  it('imports a plan with each of its text fields fuzzed in turn', { timeout: 900_000 }, async () => {
    const base = aPlan();
    const leaves = stringLeaves(base);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fuzzText, fc.nat(), async (text, extra) => {
          // Run n fuzzes leaf n (so every field gets its turn) and, now and then, one more at random.
          const plan = copyJson(base) as { plan: { key: string } };
          const leaf = leaves[run % leaves.length]!;
          run += 1;
          setAt(plan, leaf.path, text);
          if (extra % 3 === 0) setAt(plan, leaves[extra % leaves.length]!.path, text);
          const key = `fuzz-${run}-2020-2022`;
          if (pathText(leaf.path) !== '$.plan.key') plan.plan.key = key;
          const response = await timed(() => admin.send('POST', '/api/plans', plan), `import med ${pathText(leaf.path)} = ${JSON.stringify(text).slice(0, 80)}`);
          if (response.statusCode !== 201) return;
          const stored = String(response.json().key);
          await printsEverything(stored);
          const etag = String((await admin.get(`/api/plans/${stored}`)).headers.etag);
          expect((await admin.send('DELETE', `/api/plans/${stored}`, undefined, { 'if-match': etag })).statusCode).toBe(204);
        }),
        fuzzOptions(leaves.length),
      );
    } catch (error) {
      figures.failures += 1;
      throw error;
    }
  });

  it('edits the plan head and an indicator with fuzzed texts', { timeout: 900_000 }, async () => {
    const planUrl = `/api/plans/${draftKey}`;
    const indicatorUrl = `${planUrl}/indicators/st-1.2.1`;
    const original = (await admin.get(indicatorUrl)).json() as Record<string, unknown>;
    const indicatorFields = stringLeaves(original).filter((leaf) => leaf.path[0] !== 'key');
    const headFields: Array<(text: string) => Record<string, unknown>> = [(t) => ({ title: t }), (t) => ({ subtitle: t }), (t) => ({ letterhead: [t, 'Socialförvaltningen'] }), (t) => ({ source: t })];
    try {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fuzzText, async (pick, text) => {
          const etag = String((await admin.get(planUrl)).headers.etag);
          const head = await timed(() => admin.send('PATCH', planUrl, headFields[pick % headFields.length]!(text), { 'if-match': etag }), `huvud = ${JSON.stringify(text).slice(0, 80)}`);
          const current = await admin.get(indicatorUrl);
          const indicator = copyJson(original);
          const field = indicatorFields[pick % indicatorFields.length]!;
          setAt(indicator, field.path, text);
          const item = await timed(
            () => admin.send('PUT', indicatorUrl, indicator, { 'if-match': String(current.headers.etag), 'x-reason': encodeAny(text) }),
            `styrtal ${pathText(field.path)} = ${JSON.stringify(text).slice(0, 80)}`,
          );
          if (head.statusCode < 300 || item.statusCode < 300) await printsEverything(draftKey);
        }),
        fuzzOptions(20),
      );
    } catch (error) {
      figures.failures += 1;
      throw error;
    }
  });

  it('reads addresses and queries with fuzzed texts', { timeout: 300_000 }, async () => {
    try {
      await fc.assert(
        fc.asyncProperty(fuzzText, async (text) => {
          const encoded = encodeAny(text);
          for (const url of [`/api/plans/${encoded}`, `/api/plans/${draftKey}/indicators/${encoded}`, `/api/audit?user=${encoded}&plan=${encoded}`, `/api/plans/${draftKey}/report.html?period=${encoded}`, `/planer/${encoded}`]) {
            await timed(() => admin.get(url), `GET ${url.slice(0, 100)}`);
            await timed(() => api.anonymous.get(url), `anonym GET ${url.slice(0, 100)}`);
          }
        }),
        fuzzOptions(60),
      );
    } catch (error) {
      figures.failures += 1;
      throw error;
    }
    expect(fuzzSeed).toBeGreaterThan(0);
  });
});
