/**
 * The plan documents as Word files: every table row of the seed documents is in the document's
 * text with its label and printed values in order; headings are Word's heading styles, the table
 * of contents is a TOC field with an entry for every heading (Word fills in the page numbers as it
 * opens the file), tables are real tables whose header rows repeat, and the language is Swedish.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { demoPlans, docxText, findRow, loadDemoPlan, readSeed, seedTableRows, unzip } from './helpers.ts';

describe.each(demoPlans)('Word document of $key', ({ key, seed }) => {
  const plan = loadDemoPlan(key);
  const view = buildPlanDocument(plan);
  const docx = renderDocx(view);

  it('holds every table row of the seed, label and values in order, formatted as printed', async () => {
    const text = docxText(await docx);
    const rows = seedTableRows(readSeed(seed), plan.sections.flatMap((section) => (section.heading ? [section.heading] : [])));
    expect(rows.map((row) => findRow(text, row)).filter(Boolean)).toEqual([]);
  });

  it('has real headings, a filled-in table of contents field, real tables with repeating headers, Swedish', async () => {
    const files = unzip(await docx);
    const body = files.get('word/document.xml')!.toString('utf8');
    const headings = [...body.matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g)];
    expect(headings.length).toBe(view.toc.length);
    expect(body).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    // Every heading has its entry in the table of contents, linked to it; Word fills in the page numbers as it opens the file.
    expect([...body.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText>/g)].length).toBe(view.toc.length);
    expect(files.get('word/settings.xml')!.toString('utf8')).toMatch(/<w:updateFields(\s+w:val="true")?\/>/);
    const tables = view.blocks.filter((block) => block.kind === 'table');
    expect((body.match(/<w:tbl>/g) ?? []).length).toBe(tables.length);
    expect((body.match(/<w:tblHeader\/>/g) ?? []).length).toBe(tables.reduce((n, table) => n + table.header.length, 0));
    expect(files.get('word/styles.xml')!.toString('utf8')).toContain('<w:lang w:val="sv-SE"/>');
    const core = files.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:creator>Timrå kommun</dc:creator>');
    expect(core).toContain(`<dc:title>${view.title}</dc:title>`);
    const footer = [...files.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => files.get(name)!.toString('utf8'));
    expect(footer.every((xml) => xml.includes('Sida ') && xml.includes('NUMPAGES'))).toBe(true);
  });
});
