/**
 * What the document tests share: the demo plans, the table rows of the seed documents, text as a
 * reader sees it in a generated file (pdftotext for PDF, the paragraphs of a .docx), and a
 * matcher that finds a row's cells in order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { PlanFile } from '../../src/domain/plan.ts';

export const demoPlans = [
  { key: 'timra-ifo-2018-2020', seed: '000_30ef9b671cff6fb2.txt' },
  { key: 'timra-sn-2020-2022', seed: '001_d549c44f09472766.txt' },
] as const;

export function loadDemoPlan(key: string): PlanFile {
  return PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8')));
}

export function readSeed(file: string): string {
  return readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8');
}

/** Text as a reader compares it: one space between words, none after a hyphen or slash a line may break at. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u00ad]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/([-/]) /g, '$1')
    .trim();
}

// Repairs of extraction artefacts in the seeds that demo/README.md lists (a word split by a column break).
const seedRepairs: Array<[RegExp, string]> = [[/Beräkna d /g, 'Beräknad ']];

/** A cell of the seed extract as plain text: no markup, footnote marks or extraction artefacts. */
function seedCell(cell: string): string {
  let text = cell
    .replace(/<sup>\s*\d\s*<\/sup>/g, '')
    .replace(/[¹²³]/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '');
  for (const [pattern, replacement] of seedRepairs) text = text.replace(pattern, replacement);
  return normalise(text);
}

export interface SeedRow {
  line: number;
  cells: string[];
  /** Every cell after the label is a printed figure (or a dash): the row must appear contiguously. */
  figures: boolean;
}

const figure = /^(-|–|-?\d[\d ]*(,\d+)?( ?%)?(\(-?\d+\))?( ?\+ ?\d+)?)$/;

/**
 * Every table row of a seed: a line of two or more tab-separated cells that is not a continuation
 * of a cell broken by a page (those start with a tab) and not an entry of the generated table of
 * contents (a heading and its page number).
 */
export function seedTableRows(seed: string, tocHeadings: string[]): SeedRow[] {
  const headings = new Set(tocHeadings.map(normalise));
  return seed.split('\n').flatMap((raw, index): SeedRow[] => {
    if (!raw.includes('\t') || /^\s/.test(raw)) return [];
    const cells = raw.split('\t').map(seedCell).filter((cell) => cell !== '');
    if (cells.length < 2) return [];
    if (cells.length === 2 && /^\d{1,3}$/.test(cells[1]!) && headings.has(cells[0]!.replace(/\.+$/, ''))) return [];
    return [{ line: index + 1, cells, figures: cells.slice(1).every((cell) => figure.test(cell)) }];
  });
}

/**
 * Where a row is missing from a text, or null when it is there: a figure row as its label and
 * figures in a run (only spaces between), any other row as its cells in order.
 */
export function findRow(haystack: string, row: SeedRow): string | null {
  if (row.figures) {
    const needle = normalise(row.cells.join(' '));
    return haystack.includes(needle) ? null : `rad ${row.line}: "${needle}" finns inte i följd`;
  }
  let from = 0;
  for (const cell of row.cells) {
    const at = haystack.indexOf(cell, from);
    if (at < 0) return `rad ${row.line}: "${cell.slice(0, 80)}" saknas efter position ${from}`;
    from = at + cell.length;
  }
  return null;
}

/** The text of a PDF in content order (pdftotext -raw), normalised. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text without the running header and footer, which pdftotext reads where a page ends (in
 * the middle of a paragraph broken by the page): letterhead, title, footer line, "Sida N av M".
 */
export function withoutPageFurniture(text: string, furniture: { letterhead: string[]; title: string; footer: string }): string {
  const header = [...furniture.letterhead, furniture.title, furniture.footer].map((part) => escapeRegExp(normalise(part))).join(' ');
  return text.replace(new RegExp(` ?${header} Sida \\d+ av \\d+`, 'g'), '');
}

/** pdfinfo's fields of a PDF. */
export function pdfInfo(pdf: Buffer, command = 'pdfinfo'): string {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync(command, [file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files of a zip archive (.docx, .xlsx), read with node:zlib. */
export function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('inte ett zip-arkiv');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The text of a Word document's body as a reader sees it: paragraphs in order, field codes left out. */
export function docxText(docx: Buffer): string {
  const xml = unzip(docx).get('word/document.xml')!.toString('utf8');
  const text = xml
    .replace(/<w:instrText[^>]*>[\s\S]*?<\/w:instrText>/g, '')
    .replace(/<w:tab\/>|<w:br\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return normalise(text);
}
