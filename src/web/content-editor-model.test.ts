/**
 * The content editor's model on the SN seed plan: an item opened and saved unchanged stays exactly
 * as stored, a change touches only its field, the goal's measurement sentence is written as the
 * seeds print it, new keys are unique, server problems find their field, a conflict keeps the
 * other person's changes to fields the reader did not touch, and a redaktör is limited to IFO.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanFile } from './api.ts';
import { composeMeasurementText, fieldsOf, measurementFrom } from './content-editor-fields.ts';
import { applyChanges, applyDraft, changedFields, draftOf, emptyItem, fieldOfProblem, itemsOf, missingRequired, newKey, slugify, titleOf, type Item } from './content-editor-model.ts';
import { conflictRows, mayEditItem, readOnlyReason, summarizeAuditValue } from './content-editor-view.ts';
import type { ContentPart } from './router.tsx';
import type { User } from './session.tsx';

const sn = JSON.parse(readFileSync(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')) as PlanFile;
const ifo = JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')) as PlanFile;
const draft = { ...sn, plan: { ...sn.plan, status: 'draft' as const } };
const item = (plan: PlanFile, part: ContentPart, key: string) => itemsOf(part, plan).find((candidate) => candidate.key === key)!;

describe('opening and saving without edits', () => {
  const parts: Array<[ContentPart, PlanFile]> = [
    ['goals', sn],
    ['goals', ifo],
    ['indicators', sn],
    ['strategies', sn],
    ['strategies', ifo],
    ['service-declarations', sn],
    ['outlooks', sn],
  ];
  it.each(parts)('every %s item of %s comes back byte for byte', (part, plan) => {
    const fields = fieldsOf(part, plan);
    for (const original of itemsOf(part, plan)) {
      const form = draftOf(fields, original);
      expect(changedFields(fields, original, form)).toEqual([]);
      expect(JSON.stringify(applyDraft(fields, original, form))).toBe(JSON.stringify(original));
    }
  });
});

describe('a change touches only its field', () => {
  it.each([
    ['goals', 'kf-1:3', 'text', 'Medborgarna anser att Timrå erbjuder god livskvalitet', { text: 'Medborgarna anser att Timrå erbjuder god livskvalitet' }],
    ['goals', 'kf-1:3', 'perspective', '2', { perspective: 2 }],
    ['goals', 'kf-1:3', 'parent', 'kf-1:2', { parent: 'kf-1:2' }],
    ['goals', 'kf-1:3', 'node', 'ifo', { node: 'ifo' }],
    ['outlooks', 'ol-offentlig-service', 'challenges', '<p>Ny utmaning</p>', { challenges: '<p>Ny utmaning</p>' }],
    ['outlooks', 'ol-hemtjanst', 'node', '', { node: undefined }],
    ['service-declarations', 'sd-2', 'indicators', ['st-1.2.1'], { indicators: ['st-1.2.1'] }],
    ['strategies', 'ks-1', 'comments.sn', '', { comments: [] }],
    ['indicators', 'st-1.2.1', 'name', 'Nöjd med hemtjänsten', { name: 'Nöjd med hemtjänsten' }],
    ['indicators', 'st-1.2.1', 'direction', 'higher-better', { direction: 'higher-better' }],
    ['indicators', 'st-1.2.1', 'goal', '', { goal: null }],
    ['indicators', 'st-1.2.1', 'tolerance', '2.5', { tolerance: '2.5' }],
  ] as Array<[ContentPart, string, string, string | string[], Partial<Item>]>)('%s %s: %s', (part, key, field, value, expected) => {
    const fields = fieldsOf(part, sn);
    const original = item(sn, part, key);
    const changed = applyDraft(fields, original, { ...draftOf(fields, original), [field]: value });
    const expectedItem = { ...original, ...expected } as Item;
    for (const name of Object.keys(expected)) if (expected[name] === undefined) delete expectedItem[name];
    expect(changed).toEqual(expectedItem);
    expect(Object.keys(changed)).toEqual(Object.keys(expectedItem).filter((name) => name in changed));
  });

  it("keeps a strategy's comments in the order of the table's columns", () => {
    const fields = fieldsOf('strategies', ifo);
    const original = { ...item(ifo, 'strategies', 'ks-1'), comments: [{ column: 'socialforvaltningen', text: '<p>b</p>' }] } as Item;
    const changed = applyDraft(fields, original, { ...draftOf(fields, original), 'comments.sn': '<p>a</p>' });
    expect(changed.comments).toEqual([
      { column: 'sn', text: '<p>a</p>' },
      { column: 'socialforvaltningen', text: '<p>b</p>' },
    ]);
  });
});

describe("the goal's measurement", () => {
  // The IFO seed's measurement, as printed and in its parts.
  const seed = item(ifo, 'goals', 'ifo-1:2-1').measurement as { text: string; method: string; responsible: string; frequency: string };

  it('writes the sentence the seeds print from method, responsible and frequency', () => {
    expect(composeMeasurementText(seed)).toBe(seed.text);
    expect(composeMeasurementText({ frequency: 'varje månad' })).toBe('Mäts varje månad.');
  });

  it.each([
    ['all empty: no measurement', { text: '', method: '', responsible: '', frequency: '' }, null, null],
    ['parts only: the sentence is written', { text: '', method: 'enkät', responsible: 'enhetschef', frequency: 'varje år' }, null, { text: 'Mäts genom enkät. Enhetschef mäter varje år.', method: 'enkät', responsible: 'enhetschef', frequency: 'varje år' }],
    ['a written sentence is rewritten when a part changes', { ...seed, frequency: 'två gånger per år' }, seed, { ...seed, text: 'Mäts genom jämförelse mot föregående år i procent. Enhetschef mäter två gånger per år.', frequency: 'två gånger per år' }],
    ['an own sentence is kept', { ...seed, text: 'Följs upp i bokslutet.', frequency: 'två gånger per år' }, seed, { ...seed, text: 'Följs upp i bokslutet.', frequency: 'två gånger per år' }],
    ['text only', { text: 'Mäts en gång per år.', method: '', responsible: '', frequency: '' }, null, { text: 'Mäts en gång per år.' }],
  ])('%s', (_name, values, before, expected) => {
    const form = Object.fromEntries(Object.entries(values).map(([name, value]) => [`measurement.${name}`, value]));
    expect(measurementFrom(form, before)).toEqual(expected);
  });

  it('gives the same measurement when several parts change at once', () => {
    const fields = fieldsOf('goals', ifo);
    const original = item(ifo, 'goals', 'ifo-1:2-1');
    const form = { ...draftOf(fields, original), 'measurement.method': 'enkät', 'measurement.frequency': 'varje kvartal' };
    expect(applyDraft(fields, original, form).measurement).toEqual({ text: 'Mäts genom enkät. Enhetschef mäter varje kvartal.', method: 'enkät', responsible: 'Enhetschef', frequency: 'varje kvartal' });
  });
});

describe('new items', () => {
  it.each([
    ['Offentlig service:', 'offentlig-service'],
    ['Hälso- och sjukvård', 'halso-och-sjukvard'],
    ['Åtgärder för ökad närvaro', 'atgarder-for-okad-narvaro'],
    ['<p>Insatser <strong>anpassade</strong></p>', 'insatser-anpassade'],
    ['1:2', '1-2'],
  ])('slugify(%j) = %j', (text, key) => {
    expect(slugify(text)).toBe(key);
  });

  it('makes a unique key from the text, with the part as prefix', () => {
    const taken = itemsOf('outlooks', sn).map((outlook) => outlook.key);
    expect(newKey('outlooks', { ...emptyItem('outlooks'), label: 'Hemtjänst' }, taken)).toBe('ol-hemtjanst-2');
    expect(newKey('outlooks', { ...emptyItem('outlooks'), label: 'Nattpatrull' }, taken)).toBe('ol-nattpatrull');
    expect(newKey('goals', { ...emptyItem('goals'), number: '1:9', text: 'Fler får stöd' }, [])).toBe('mal-1-9');
    expect(newKey('goals', { ...emptyItem('goals'), text: 'Fler får stöd' }, [])).toBe('mal-fler-far-stod');
    expect(newKey('strategies', emptyItem('strategies'), ['strategi-ny'])).toBe('strategi-ny-2');
    expect(newKey('outlooks', { ...emptyItem('outlooks'), label: 'x'.repeat(200) }, []).length).toBeLessThanOrEqual(120);
  });

  it('a new indicator has no targets or actuals yet (they are entered on the scorecard) and needs number and name', () => {
    const fields = fieldsOf('indicators', sn);
    const fresh = emptyItem('indicators');
    expect(missingRequired(fields, draftOf(fields, fresh)).map((field) => field.name)).toEqual(['number', 'name']);
    const filled = applyDraft(fields, fresh, { ...draftOf(fields, fresh), number: '1.2.3', name: 'Nöjd med korttidsvistelse', goal: 'kf-1:2', unit: '%' });
    expect(filled).toMatchObject({ number: '1.2.3', name: 'Nöjd med korttidsvistelse', goal: 'kf-1:2', unit: '%', targets: [], actuals: [], measurement: null });
    expect(newKey('indicators', filled, itemsOf('indicators', sn).map((indicator) => indicator.key))).toBe('st-1-2-3');
  });

  it('needs the required fields', () => {
    const fields = fieldsOf('service-declarations', sn);
    expect(missingRequired(fields, draftOf(fields, emptyItem('service-declarations'))).map((field) => field.name)).toEqual(['label', 'name']);
  });
});

describe('server problems find their field', () => {
  const strategy = item(ifo, 'strategies', 'ks-1');
  it.each([
    ['goals', '$.text', {}, 'text'],
    ['goals', '$.measurement.text', {}, 'measurement.text'],
    ['goals', '$.measurement', {}, 'measurement.text'],
    ['goals', '$.goals[3].parent', {}, 'parent'],
    ['outlooks', '$.outlooks[2].node', {}, 'node'],
    ['strategies', '$.comments[1].text', strategy, 'comments.socialforvaltningen'],
    ['strategies', '$.strategies[0].comments[0].text', strategy, 'comments.sn'],
    ['service-declarations', '$.indicators[0]', {}, 'indicators'],
  ] as Array<[ContentPart, string, Partial<Item>, string]>)('%s %s → %s', (part, path, of, field) => {
    expect(fieldOfProblem(part, path, { key: 'x', ...of })).toBe(field);
  });
});

describe('a conflict', () => {
  it("keeps the other person's change to a field the reader did not touch, and shows which fields differ", () => {
    const fields = fieldsOf('outlooks', sn);
    const read = item(sn, 'outlooks', 'ol-hemtjanst');
    const theirs = { ...read, label: 'Hemtjänsten' };
    const form = { ...draftOf(fields, read), challenges: '<p>Min utmaning.</p>' };
    const mine = applyChanges(fields, { read, onto: theirs, draft: form });
    expect(mine).toEqual({ ...read, label: 'Hemtjänsten', challenges: '<p>Min utmaning.</p>' });
    expect(conflictRows(fields, mine, theirs).filter((row) => row.differs).map((row) => row.field.name)).toEqual(['challenges']);
  });
});

describe('who may edit', () => {
  const admin: User = { username: 'admin', displayName: null, role: 'admin', unitKey: null };
  const redaktor: User = { username: 'redaktor', displayName: null, role: 'redaktör', unitKey: 'ifo' };
  const lasare: User = { username: 'lasare', displayName: null, role: 'läsare', unitKey: null };
  it.each([
    ['the adopted seed', sn, admin, 'adopted'],
    ['a draft, admin', draft, admin, null],
    ['a draft, redaktör', draft, redaktor, null],
    ['a draft, läsare', draft, lasare, 'role'],
    ['a draft, not logged in', draft, null, 'anonymous'],
    ['an archived plan', { ...sn, plan: { ...sn.plan, status: 'archived' as const } }, admin, 'archived'],
  ])('%s → %s', (_name, plan, user, reason) => {
    expect(readOnlyReason(plan.plan, user)).toBe(reason);
  });

  it('lets a redaktör for IFO change IFO items only (no node: the plan owner, SN)', () => {
    const outlooks = itemsOf('outlooks', draft);
    const editable = outlooks.filter((outlook) => mayEditItem(redaktor, draft, outlook)).map((outlook) => outlook.key);
    expect(editable).toEqual(['ol-individ-och-familjeomsorg', 'ol-barn-och-ungdomsvard', 'ol-vuxenstod-och-socialpsykiatri', 'ol-ekonomiskt-bistand', 'ol-familjeratt']);
    expect(outlooks.every((outlook) => mayEditItem(admin, draft, outlook))).toBe(true);
    expect(mayEditItem(redaktor, sn, item(sn, 'outlooks', 'ol-familjeratt')), 'not on an adopted plan').toBe(false);
  });
});

describe('titles and history', () => {
  it('names items as the plan prints them', () => {
    expect(titleOf('goals', item(sn, 'goals', 'kf-1:3'))).toBe('1:3 Medborgarna anser att Timrå erbjuder livskvalitet och service');
    expect(titleOf('outlooks', item(sn, 'outlooks', 'ol-offentlig-service'))).toBe('Offentlig service');
    expect(titleOf('service-declarations', item(sn, 'service-declarations', 'sd-2'))).toBe('Servicedeclaration 2: Biståndshandläggning');
    expect(titleOf('strategies', item(sn, 'strategies', 'ks-1'))).toBe('Långsiktighet');
  });

  it.each([
    ['<p>Deras <strong>utmaning</strong>.</p><ul><li>a &amp; b</li></ul>', 'Deras utmaning. a & b'],
    [{ text: 'Mäts en gång per år.', method: 'x' }, 'Mäts en gång per år.'],
    [[{ column: 'sn', text: '<p>Gäller alla</p>' }], 'sn: Gäller alla'],
    [['st-1.2.1', 'st-1.2.2'], 'st-1.2.1; st-1.2.2'],
    [3, '3'],
    [null, ''],
  ])('summarizeAuditValue(%j) = %j', (value, expected) => {
    expect(summarizeAuditValue(value)).toBe(expected);
  });
});
