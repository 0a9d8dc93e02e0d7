/**
 * The plan documents as PDF: every table row of the seed documents is in the text pdftotext reads
 * from the generated file, with its label and its printed values in order; the file says who made
 * it, what it is and in which language, embeds its fonts and numbers its pages.
 */
import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { demoPlans, findRow, loadDemoPlan, normalise, pdfInfo, pdfText, readSeed, seedTableRows, withoutPageFurniture } from './helpers.ts';

describe.each(demoPlans)('PDF of $key', ({ key, seed }) => {
  const plan = loadDemoPlan(key);
  const view = buildPlanDocument(plan);
  const pdf = renderPdf(view);

  it('holds every table row of the seed, label and values in order, formatted as printed', async () => {
    const text = withoutPageFurniture(pdfText(await pdf), { letterhead: view.letterhead, title: view.title, footer: view.footer });
    const rows = seedTableRows(readSeed(seed), plan.sections.flatMap((section) => (section.heading ? [section.heading] : [])));
    expect(rows.filter((row) => row.figures).length).toBeGreaterThan(10);
    expect(rows.map((row) => findRow(text, row)).filter(Boolean)).toEqual([]);
  });

  it('has a title page, a table of contents with page numbers and "Sida N av M" on every page after the first', async () => {
    const text = pdfText(await pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(await pdf))![1]);
    expect(text.startsWith(`${plan.plan.letterhead[0]}`)).toBe(true);
    expect(text).toContain('Innehållsförteckning');
    for (const entry of view.toc) expect(text).toMatch(new RegExp(`${normalise(entry.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+`));
    for (let page = 2; page <= pages; page += 1) expect(text).toContain(`Sida ${page} av ${pages}`);
    expect(text).not.toContain(`Sida 1 av ${pages}`);
  });

  it('sets title, author, A4 and embeds its fonts', async () => {
    const info = pdfInfo(await pdf);
    expect(info).toMatch(new RegExp(`Title:\\s+${plan.plan.title}`));
    expect(info).toMatch(/Author:\s+Timrå kommun/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = pdfInfo(await pdf, 'pdffonts').split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/Roboto.*\byes\s+yes\s+yes\b/);
    expect((await pdf).toString('latin1')).toContain('/Lang (sv-SE)');
  });
});
