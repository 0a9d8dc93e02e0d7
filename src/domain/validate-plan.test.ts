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
    ['budget row twice', (p: any) => p.budgetTables[0].rows.push({ key: 'net', line: 'net', label: 'Netto', cells: {} }), '$.budgetTables[0].rows[3].key', 'Nyckeln "net" används för mer än en rad'],
    ['roll-up into a missing table', (p: any) => (p.budgetTables[0].rollup = { into: 'rr-ifo', included: true }), '$.budgetTables[0].rollup.into', 'Tabellen "rr-ifo" finns inte bland planens budgettabeller'],
    ['section including something missing', (p: any) => (p.sections[0].include = ['drift', 'saknas']), '$.sections[0].include[1]', 'Avsnittet hänvisar till "saknas", som inte finns i planen'],
    ['period ending before it starts', (p: any) => (p.plan.periodEnd = 2019), '$.plan.periodEnd', 'Planperioden slutar före den börjar'],
    ['script in rich text', (p: any) => (p.sections[0].body = '<p onclick="x()">Hej</p>'), '$.sections[0].body', 'Texten innehåller HTML som inte är tillåten (tillåtet: p, b, i, u, ul, ol, li, a, br)'],
  ])('reports a broken reference or rule: %s', (_name, mutate, path, message) => {
    expect(problemsOf(mutate)).toContainEqual({ path, message });
  });

  // Issue 10, defect 11: duplicate vision-theme keys passed validation and the PDF then failed.
  it.each([
    ['a vision theme', (p: any) => (p.vision = { title: 'Vision 2030', themes: [{ key: 'tema-1', name: 'Trygghet', body: '<p>x</p>' }, { key: 'tema-1', name: 'Hälsa', body: '<p>y</p>' }] }), '$.vision.themes[1].key', 'Nyckeln "tema-1" används för mer än en tema'],
    ['a perspective', (p: any) => p.perspectives.push({ number: 1, name: 'Ekonomi' }), '$.perspectives[1].number', 'Perspektiv 1 anges mer än en gång'],
    ['a volume table column', (p: any) => p.volumeTables[0].columns.push({ ...p.volumeTables[0].columns[0] }), '$.volumeTables[0].columns[2].key', 'Nyckeln "utfall-2018" används för mer än en kolumn'],
    ['a volume row', (p: any) => p.volumeTables[0].rows.push({ ...p.volumeTables[0].rows[0] }), '$.volumeTables[0].rows[2].key', 'Nyckeln "v-vobo" används för mer än en rad'],
    ['a budget table column', (p: any) => p.budgetTables[0].columns.push({ ...p.budgetTables[0].columns[1] }), '$.budgetTables[0].columns[2].key', 'Nyckeln "plan-2021" används för mer än en kolumn'],
    ['a strategy table column', (p: any) => (p.strategyTable = { caption: 'Strategier', columns: [{ key: 'k', label: 'Kommentar' }, { key: 'k', label: 'Hur?' }] }), '$.strategyTable.columns[1].key', 'Nyckeln "k" används för mer än en kolumn'],
    ['a strategy comment column', (p: any) => {
      p.strategyTable = { caption: 'Strategier', columns: [{ key: 'k', label: 'Kommentar' }] };
      p.strategies = [{ key: 's-1', scope: 'municipal', comments: [{ column: 'k', text: 'a' }, { column: 'k', text: 'b' }] }];
    }, '$.strategies[0].comments[1].column', 'Kolumnen "k" har mer än en kommentar'],
    ['an activity table column', (p: any) => {
      p.activityTables = [{ key: 'akt', kind: 'activity', caption: 'Aktivitet', columns: [{ field: 'description', label: 'Beskrivning' }, { field: 'description', label: 'Igen' }] }];
    }, '$.activityTables[0].columns[1].field', 'Kolumnen för "description" anges mer än en gång'],
    ['a goal in an activity', (p: any) => {
      p.activityTables = [{ key: 'akt', kind: 'activity', caption: 'Aktivitet', columns: [] }];
      p.activities = [{ key: 'a-1', table: 'akt', name: 'Ny arbetsmodell', goals: ['kf-1:2', 'kf-1:2'] }];
    }, '$.activities[0].goals[1]', '"kf-1:2" anges mer än en gång i listan'],
    ['an item in a section', (p: any) => (p.sections[0].include = ['drift', 'drift']), '$.sections[0].include[1]', '"drift" anges mer än en gång i listan'],
    ['an indicator of a service declaration', (p: any) => (p.serviceDeclarations = [{ key: 'sd-1', label: 'Servicedeklaration 1', name: 'Bemötande', indicators: ['st-1.2.1', 'st-1.2.1'] }]), '$.serviceDeclarations[0].indicators[1]', '"st-1.2.1" anges mer än en gång i listan'],
    ['an actual of a period', (p: any) => p.indicators[0].actuals.push({ period: '2018', text: '85' }), '$.indicators[0].actuals[1].period', 'Utfall för 2018 anges mer än en gång'],
    ['an analysis', (p: any) => (p.analyses = [{ key: 'an-1', period: '2018', subject: 'st-1.2.1', text: 'a' }, { key: 'an-1', period: '2018', subject: 'st-1.2.1', text: 'b' }]), '$.analyses[1].key', 'Nyckeln "an-1" används för mer än en analys'],
  ])('defect 11: refuses a duplicate %s, with its path', (_name, mutate, path, message) => {
    expect(problemsOf(mutate)).toContainEqual({ path, message });
  });

  it('refuses a service declaration or strategy column that names something missing', () => {
    expect(problemsOf((p) => (p.serviceDeclarations = [{ key: 'sd-1', label: 'Servicedeklaration 1', name: 'Bemötande', indicators: ['st-9'] }]))).toEqual([
      { path: '$.serviceDeclarations[0].indicators[0]', message: 'Styrtalet "st-9" finns inte i planen' },
    ]);
    expect(problemsOf((p) => (p.strategyTable = { caption: 'Strategier', columns: [{ key: 'k', label: 'IFO', node: 'saknas' }] }))).toEqual([
      { path: '$.strategyTable.columns[0].node', message: 'Noden "saknas" finns inte i organisationen' },
    ]);
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
