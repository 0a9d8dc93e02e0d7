/**
 * The demo plans hold the seed documents completely: every line of text and every table row of
 * each seed is found in its plan file, with its label and its printed cells in order.
 * The seeds are copied from ../shared/seeds into tests/fixtures/seeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/domain/rich-text-blocks.ts';
import { validatePlanFile } from '../src/domain/validate-plan.ts';
import type { PlanFile } from '../src/domain/plan.ts';

const seeds = [
  { plan: 'timra-ifo-2018-2020', seed: '000_30ef9b671cff6fb2.txt' },
  { plan: 'timra-sn-2020-2022', seed: '001_d549c44f09472766.txt' },
];

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Text as a reader sees it: no markup, footnote marks or extraction whitespace. */
function normalise(text: string): string {
  return plainText(
    text
      .replace(/<sup>\s*\d\s*<\/sup>/g, '')
      .replace(/[¹²³]/g, '')
      .replace(/\*\*|(?<!\w)\*|\*(?!\w)/g, '')
      .replace(/^#+\s*/gm, ''),
    { listMarkers: false },
  )
    .replace(/\.{3,}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every string in the plan file, as plain text, in one haystack. */
function haystackOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(normalise(value));
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => haystackOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => haystackOf(v, out));
  return out;
}

/**
 * Lines the printed document composes from several fields ("1:2 " + goal text, "Mål 1:2",
 * goal + " " + how it is measured, "3, " + strategy, "Hur? " + how, "Roll: Namn").
 */
function composedTexts(plan: PlanFile): string[] {
  const plain = (html: string | undefined) => (html ? normalise(html) : '');
  const goals = new Map(plan.goals.map((goal) => [goal.key, goal]));
  return [
    ...plan.perspectives.flatMap((p) => [`${p.number} ${p.name}`, `${p.number}. ${p.name}`]),
    ...plan.goals.filter((g) => g.number).map((g) => `${g.number} ${g.text}`),
    ...plan.goals.filter((g) => g.parent).flatMap((g) => [`Mål ${goals.get(g.parent!)?.number}`, g.measurement ? `${g.text} ${g.measurement.text}` : g.text]),
    ...plan.strategies.filter((s) => s.number).flatMap((s) => [`${s.number}, ${plain(s.text)}`, `Hur? ${plain(s.how)}`]),
    ...plan.indicators.map((i) => `${i.number} ${i.name}`),
    ...plan.officeHolders.map((h) => `${h.role}: ${h.name}`),
    // An outlook prints its parts with the headings "Utmaningar" and "Möjligheter".
    ...plan.outlooks.map((o) => [plain(o.description), o.challenges ? `Utmaningar ${plain(o.challenges)}` : '', o.opportunities ? `Möjligheter ${plain(o.opportunities)}` : ''].filter(Boolean).join(' ')),
  ].map(normalise);
}

// Lines of the seeds that are layout, not content: the generated table of contents and page furniture.
const tocLine = /\t\d+$|^Innehållsförteckning$/;

function seedAtoms(seed: string): string[] {
  return seed
    .split('\n')
    .flatMap((line) => (tocLine.test(line.trim()) ? [] : line.split('\t')))
    .map(normalise)
    .filter((atom) => atom.length > 0);
}

/** Joins words split over lines in the extract ("Insatser till  \npersoner med") for matching. */
function squash(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

describe.each(seeds)('demo plan $plan', ({ plan: key, seed: seedFile }) => {
  const file = JSON.parse(existsSync(new URL(`../demo/${key}.json`, import.meta.url)) ? read(`../demo/${key}.json`) : '{}');
  const seed = read(`./fixtures/seeds/${seedFile}`);

  it('is a valid plan file', () => {
    const result = validatePlanFile(file);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('holds every line and table cell of the seed', () => {
    const haystack = squash([...haystackOf(file), ...composedTexts(file as PlanFile)].join(' | '));
    const missing = seedAtoms(seed).filter((atom) => !haystack.includes(squash(atom)));
    expect(missing).toEqual([]);
  });

  it('holds every figure row of the seed with its label and cells in order', () => {
    const plan = file as PlanFile;
    const rows = [
      ...plan.volumeTables.flatMap((t) => t.rows.map((r) => ({ label: r.label, cells: t.columns.map((c) => r.cells[c.key] ?? '') }))),
      ...plan.budgetTables.flatMap((t) => t.rows.map((r) => ({ label: r.label, cells: t.columns.map((c) => r.cells[c.key] ?? '') }))),
    ];
    const figureRows = seed
      .split('\n')
      .map((line) => line.split('\t').map((cell) => cell.trim()))
      .filter((cells) => cells.length > 2 && /^[A-ZÅÄÖ-]/.test(cells[0]!) && cells.slice(1).some((c) => /^-?\d/.test(c)))
      // Header rows of the indicator and volume tables name years, they hold no figures.
      .filter((cells) => !/^(Styrtal|Styrtalet|Volym|MÅTT|Resultaträkning|Externa Intäkter|Investeringar)\b/.test(cells[0]!.replace(/<[^>]+>/g, '')));
    expect(figureRows.length).toBeGreaterThan(10);
    for (const [label, ...cells] of figureRows) {
      if (label === 'Servicedeclaration 1' || /^\d{5}$/.test(label!)) continue;
      const match = rows.filter((row) => row.label === label);
      expect(match.length, `raden "${label}" saknas`).toBeGreaterThan(0);
      const printed = cells.filter((c) => c !== '');
      expect(match.some((row) => row.cells.filter((c) => c !== '').join('|') === printed.join('|')), `cellerna i "${label}"`).toBe(true);
    }
  });
});
