/** Every kind of bad plan file gets a Swedish message at the right JSON path, all at once. */
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { validatePlanFile } from './validate-plan.ts';

function problemsOf(mutate: (plan: any) => void) {
  const plan: any = structuredClone(aPlan());
  mutate(plan);
  const result = validatePlanFile(plan);
  return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }));
}

describe('validatePlanFile', () => {
  it('accepts a complete, consistent plan', () => {
    expect(validatePlanFile(aPlan()).ok).toBe(true);
  });

  it.each([
    ['wrong type', (p: any) => (p.plan.periodStart = '2020'), '$.plan.periodStart', 'Ska vara ett tal, men är text'],
    ['missing required field', (p: any) => delete p.plan.title, '$.plan.title', 'Obligatoriskt fält saknas'],
    ['unknown field', (p: any) => (p.plan.titel = 'x'), '$.plan', 'Okänt fält: "titel" (stavfel, eller hör fältet hemma någon annanstans?)'],
    ['value outside the allowed set', (p: any) => (p.plan.status = 'klar'), '$.plan.status', 'Ogiltigt värde; tillåtna värden är "draft", "submitted", "adopted", "archived"'],
    ['empty label', (p: any) => (p.goals[0].text = ''), '$.goals[0].text', 'Får inte vara tom'],
    ['bad municipality code', (p: any) => (p.municipality.code = '226'), '$.municipality.code', 'Kommunkoden har fyra siffror'],
    ['bad key', (p: any) => (p.goals[0].key = 'Mål 1'), '$.goals[0].key', 'Nyckeln får bara innehålla a–z, 0–9 och . _ : -'],
    ['bad period', (p: any) => (p.volumeTables[0].columns[0].period = '2018-1'), '$.volumeTables[0].columns[0].period', 'Period anges som ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM'],
    ['wrong format marker', (p: any) => (p.format = 'excel'), '$.format', 'Ogiltigt värde; tillåtna värden är "styrkort-plan"'],
  ])('reports a %s', (_name, mutate, path, message) => {
    expect(problemsOf(mutate)).toContainEqual({ path, message });
  });

  it.each([
    ['duplicate key', (p: any) => p.indicators.push({ ...p.indicators[0] }), '$.indicators[1].key', 'Nyckeln "st-1.2.1" används för mer än en styrtal'],
    ['unknown owner node', (p: any) => (p.plan.ownerNode = 'ks'), '$.plan.ownerNode', 'Planens ägare "ks" finns inte i organisationen'],
    ['unknown parent node', (p: any) => (p.organisation[1].parent = 'kf'), '$.organisation[1].parent', 'Överordnad nod "kf" finns inte i organisationen'],
    ['cycle in the tree', (p: any) => (p.organisation[0].parent = 'sn'), '$.organisation[0].parent', 'Organisationen har en cirkel: "timra" ligger under sig själv'],
    ['unknown goal', (p: any) => (p.indicators[0].goal = 'kf-9:9'), '$.indicators[0].goal', 'Målet "kf-9:9" finns inte i planen'],
    ['target year twice', (p: any) => p.indicators[0].targets.push({ year: 2018, text: '95%' }), '$.indicators[0].targets[2].year', 'Målvärde för 2018 anges mer än en gång'],
    ['cell in an unknown column', (p: any) => (p.volumeTables[0].rows[0].cells['utfall-2017'] = '5'), '$.volumeTables[0].rows[0].cells.utfall-2017', 'Kolumnen "utfall-2017" finns inte i tabellen'],
    ['"varav" row without its whole', (p: any) => (p.volumeTables[0].rows[1].partOf = 'v-saknas'), '$.volumeTables[0].rows[1].partOf', '"Varav"-raden hänvisar till raden "v-saknas", som inte finns i tabellen'],
    ['budget line twice', (p: any) => p.budgetTables[0].rows.push({ line: 'net', label: 'Netto', cells: {} }), '$.budgetTables[0].rows[3].line', 'Raden "net" förekommer mer än en gång i tabellen'],
    ['roll-up into a missing table', (p: any) => (p.budgetTables[0].rollup = { into: 'rr-ifo', included: true }), '$.budgetTables[0].rollup.into', 'Tabellen "rr-ifo" finns inte bland planens budgettabeller'],
    ['section including something missing', (p: any) => (p.sections[0].include = ['drift', 'saknas']), '$.sections[0].include[1]', 'Avsnittet hänvisar till "saknas", som inte finns i planen'],
    ['period ending before it starts', (p: any) => (p.plan.periodEnd = 2019), '$.plan.periodEnd', 'Planperioden slutar före den börjar'],
    ['script in rich text', (p: any) => (p.sections[0].body = '<p onclick="x()">Hej</p>'), '$.sections[0].body', 'Texten innehåller HTML som inte är tillåten (tillåtet: p, b, i, u, ul, ol, li, a, br)'],
  ])('reports a broken reference or rule: %s', (_name, mutate, path, message) => {
    expect(problemsOf(mutate)).toContainEqual({ path, message });
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf((p) => {
      p.plan.ownerNode = 'ks';
      p.indicators[0].goal = 'kf-9:9';
      p.plan.periodEnd = 2019;
    });
    expect(problems).toHaveLength(3);
  });

  it('accepts allowed rich text: paragraphs, bold, italic, underline, lists and links', () => {
    expect(
      problemsOf((p) => (p.sections[0].body = '<p><u>Utmaningar</u> <b>Hej</b> <i>du</i></p><ul><li>- Ledning</li></ul><p><a href="https://timra.se">länk</a><br></p>')),
    ).toEqual([]);
  });
});
