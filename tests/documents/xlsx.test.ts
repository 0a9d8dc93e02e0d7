/**
 * The plan documents as Excel workbooks: one sheet per table; a cell that holds a figure is a
 * number with a format that prints it as the plan did, annotated figures and words stay text, a
 * missing figure is never zero; header rows are frozen.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { renderXlsx, sheetNames } from '../../src/documents/xlsx.ts';
import { loadDemoPlan } from './helpers.ts';

async function workbookOf(key: string) {
  const view = buildPlanDocument(loadDemoPlan(key));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(view)) as unknown as ArrayBuffer);
  return { view, workbook };
}

/** The row of a sheet whose first cell is the label. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`raden "${label}" saknas i ${sheet.name}`);
  return found;
}

describe('Excel workbook of timra-sn-2020-2022', async () => {
  const { view, workbook } = await workbookOf('timra-sn-2020-2022');

  it('has a contents sheet and one sheet per table, headers frozen', () => {
    const tables = view.blocks.filter((block) => block.kind === 'table');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Innehåll', ...sheetNames(tables.map((table) => table.title))]);
    const volumes = workbook.getWorksheet('Volym – Socialnämnden')!;
    expect(volumes.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  });

  it('stores figures as numbers with Swedish-looking formats, and keeps annotations and words as text', () => {
    const volumes = workbook.getWorksheet('Volym – Socialnämnden')!;
    const care = rowOf(volumes, 'Antal brukare vård och omsorgsboenden över 65');
    expect(care.getCell(2).value).toBe(200);
    expect(care.getCell(3).value).toBe('194(-9)');
    expect(care.getCell(4).value).toBe(186);
    expect(care.getCell(5).value).toBeNull(); // 2021 is empty: missing, not zero
    const days = rowOf(volumes, 'Antal vårddyggn medicinskt färdigbehandlade');
    expect([days.getCell(3).value, days.getCell(4).value]).toEqual(['90 + 45', '50+10']);
    expect(rowOf(volumes, 'Antal invånare').getCell(3)).toMatchObject({ value: 18000, numFmt: '#,##0;-#,##0' });

    const budget = workbook.getWorksheet('Resultaträkning, tkr – Socialnä')!;
    expect(rowOf(budget, 'Verksamhetens kostnader').getCell(2)).toMatchObject({ value: -528025, numFmt: '#,##0;-#,##0' });
    expect(rowOf(budget, 'Verksamhets nettokostnader').getCell(2).font?.bold).toBe(true);

    const capital = workbook.getWorksheet('Investeringar, tkr')!;
    const environment = rowOf(capital, '65600');
    expect(environment.getCell(2).value).toBe('Arbetsmiljöätgärder');
    expect(environment.getCell(3)).toMatchObject({ value: 1000, numFmt: '#,##0;-#,##0' });
    expect(environment.getCell(4)).toMatchObject({ value: 1000, numFmt: '0;-0' }); // printed "1000", without grouping
    expect(rowOf(capital, 'Summa investeringar').getCell(7)).toMatchObject({ value: 19000 });

    const indicators = workbook.getWorksheet('Styrtalet')!;
    expect(rowOf(indicators, '1.2.1 Nöjd med hemtjänst').getCell(2)).toMatchObject({ value: 0.9, numFmt: '0%' });
    expect(rowOf(indicators, '2.3.1 Antal invånare').getCell(2)).toMatchObject({ value: 18100 });
    expect(rowOf(indicators, '3.1.1 Servicedeklarationer').getCell(2).value).toBe('> 8 per förvaltning');
  });
});

describe('Excel workbook of timra-ifo-2018-2020', async () => {
  const { workbook } = await workbookOf('timra-ifo-2018-2020');

  it('keeps decimals, dashes and every figure of the monthly table as numbers', () => {
    const volumes = workbook.getWorksheet('MÅTT – Individ- och familjeomso')!;
    const placements = rowOf(volumes, 'Antal Klienter HVB missbruksvård (årsplaceringar)');
    expect(placements.getCell(2)).toMatchObject({ value: 5.3, numFmt: '#,##0.0;-#,##0.0' });
    const sheltered = rowOf(volumes, 'Antal Klienter Skyddat boende Vård i nära relationer');
    expect(sheltered.getCell(4).value).toBe('-');
    expect(sheltered.getCell(10).value).toBe(0.5);
    const households = rowOf(volumes, 'Antal hushåll med försörjningsstöd');
    const months = Array.from({ length: 12 }, (_, index) => households.getCell(5 + index).value);
    expect(months).toEqual([190, 186, 181, 192, 196, 189, 186, 189, 189, 195, 210, 232]);
    expect(volumes.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(volumes.pageSetup.orientation).toBe('landscape');
  });

  it('names sheets within Excel’s rules, each once', () => {
    expect(sheetNames(['Resultaträkning, tkr – IFO, Barn o familj', 'Resultaträkning, tkr – IFO, Vuxna', 'a/b:c', 'Innehåll'])).toEqual([
      'Resultaträkning, tkr – IFO, Bar',
      'Resultaträkning, tkr – IFO, Vux',
      'a-b-c',
      'Innehåll (2)',
    ]);
  });
});
