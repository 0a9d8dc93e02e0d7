/** Page models of the budget editors: the income statement of a node and the investment budget. */
import type { Locator } from 'playwright-core';
import { pasteAsSpreadsheet, PlanTablePage } from './pages.ts';

/** What both budget editors share: cells by their labels, marks, findings, saving and the conflict view. */
abstract class TableEditorPage extends PlanTablePage {
  override async ready(): Promise<void> {
    await super.ready();
    await this.page.locator('table.budget-grid').waitFor();
  }

  /** The input of a cell, named "ROW – COLUMN" as a screen reader hears it. */
  field(row: string, column: string): Locator {
    return this.page.getByLabel(`${row} – ${column}`, { exact: true });
  }

  /** The grid cell of a row key (budget line or investment row) and column key. */
  cell(row: string, column: string): Locator {
    return this.page.locator(`table.budget-grid tr[data-row="${row}"] td[data-column="${column}"]`);
  }

  /** The finding marks on a cell ("⚠ Avvikelse 202 tkr"). */
  marks(row: string, column: string): Locator {
    return this.cell(row, column).locator('.finding-marker');
  }

  /** The findings list's items of a severity: gap, rounding or info. */
  findings(severity: 'gap' | 'rounding' | 'info'): Locator {
    return this.page.locator(`.finding-list__item[data-finding="${severity}"]`);
  }

  inputs(): Locator {
    return this.page.locator('table.budget-grid input');
  }

  async fill(row: string, column: string, text: string): Promise<void> {
    await this.field(row, column).fill(text);
  }

  /** Pastes text into a cell as a spreadsheet does (a paste event with text/plain). */
  async paste(row: string, column: string, text: string): Promise<void> {
    await pasteAsSpreadsheet(this.field(row, column), text);
  }

  /** Saves and waits for the outcome: 'done', 'error' or 'conflict'. */
  async save(): Promise<'done' | 'error' | 'conflict'> {
    await this.page.getByRole('button', { name: 'Spara', exact: true }).click();
    const outcome = this.page.locator('[data-message], .budget-conflict').first();
    await outcome.waitFor();
    if (await this.conflict().count()) return 'conflict';
    return (await outcome.getAttribute('data-message')) as 'done' | 'error';
  }

  message(): Locator {
    return this.page.locator('[data-message]');
  }

  conflict(): Locator {
    return this.page.locator('.budget-conflict');
  }

  /** A row of the conflict table: [cell, mine, saved now]. */
  async conflictRows(): Promise<string[][]> {
    return this.conflict()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
  }
}

export class BudgetEditorPage extends TableEditorPage {
  override get path(): string {
    return `/planer/${this.planKey}/budget/${this.tableKey}`;
  }

  /** The note under a net cell: "beräknat: …" or "intäkter + kostnader: …". */
  derivedNet(column: string): Locator {
    return this.cell('net', column).locator('.budget-derived');
  }

  chart(): Locator {
    return this.page.locator('.budget-chart');
  }

  chartImage(): Locator {
    return this.chart().getByRole('img');
  }

  chartTable(): Locator {
    return this.chart().locator('table');
  }

  tableLinks(): Locator {
    return this.page.getByRole('navigation', { name: 'Planens budgettabeller' }).getByRole('link');
  }
}

/** The layout of an economic table beside its grid: rows and columns with their controls, and a pasted statement. */
export class EconomicTableEditorPage extends BudgetEditorPage {
  /** The header row of the grid, as printed: the corner, then each column's heading. */
  headings(): Promise<string[]> {
    return this.page.locator('table.budget-grid thead th').allInnerTexts();
  }

  /** A row of the layout's row table, by its key. */
  layoutRow(key: string): Locator {
    return this.page.locator(`tr[data-structure-row="${key}"]`);
  }

  /** Does a change of layout and waits until it is saved. */
  async changeLayout(act: () => Promise<void>): Promise<void> {
    const saved = this.page.locator('[data-message="done"]');
    await act();
    await saved.waitFor();
    await this.page.locator('table.budget-grid').waitFor();
  }

  async removeRow(label: string): Promise<void> {
    await this.changeLayout(() => this.page.getByRole('button', { name: `Ta bort för ${label}`, exact: true }).click());
  }

  async moveColumnLeft(label: string): Promise<void> {
    await this.changeLayout(() => this.page.getByRole('button', { name: `Vänster för ${label}`, exact: true }).click());
  }

  async setKind(label: string, kind: string): Promise<void> {
    await this.changeLayout(async () => void (await this.page.getByLabel(`Slag för ${label}`, { exact: true }).selectOption(kind)));
  }

  async addRow(label: string, after: string): Promise<void> {
    await this.page.getByLabel('Text för den nya raden', { exact: true }).fill(label);
    await this.page.getByLabel('Efter raden', { exact: true }).selectOption({ label: after });
    await this.changeLayout(() => this.page.getByRole('button', { name: 'Lägg till rad', exact: true }).click());
  }

  /** Puts a statement copied from a spreadsheet into the box (the text a paste leaves there), reads it, and says what was read. */
  async pasteStatement(text: string): Promise<string> {
    await this.page.getByLabel('Tabellen från Excel', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Läs in', exact: true }).click();
    const said = this.page.locator('.paste-statement [aria-live]');
    await said.locator('p').first().waitFor();
    return said.innerText();
  }

  async replaceWithPasted(): Promise<void> {
    await this.changeLayout(() => this.page.getByRole('button', { name: 'Ersätt tabellen med den inlästa', exact: true }).click());
  }
}

export class CapitalBudgetEditorPage extends TableEditorPage {
  override get path(): string {
    return `/planer/${this.planKey}/investeringar/${this.tableKey}`;
  }

  /** The computed sums row, cell by column key order. */
  computedSums(): Locator {
    return this.page.locator('tr[data-row="computed"] td');
  }

  async addRow(row: { object: string; text: string; amounts: Record<string, string> }): Promise<void> {
    await this.page.getByLabel('Objektnummer', { exact: true }).fill(row.object);
    await this.page.getByLabel('Text', { exact: true }).fill(row.text);
    for (const [column, amount] of Object.entries(row.amounts)) await this.page.getByLabel(`Belopp ${column}`, { exact: true }).fill(amount);
    await this.page.getByRole('button', { name: 'Lägg till raden', exact: true }).click();
    await this.page.locator('[data-message="done"]').waitFor();
  }
}
