/**
 * The layout of an economic table, for those who may change it before adoption: its rows (text,
 * kind, unit, order) and columns (heading, measure, period, order), each change saved at once
 * through the page's one write path (the whole table, with If-Match, the conflict view on a 412).
 * Whether the result holds together is said by the domain's own rule while it is on screen.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { addColumn, addRow, moveColumn, moveRow, removeColumn, removeRow, setColumn, setRowKind, setRowLabel, setRowNode } from '../../../domain/economy/edit.ts';
import { economicTableProblems } from '../../../domain/economy/structure.ts';
import { isPeriod } from '../../../domain/period.ts';
import { economicMeasures, economicRowKinds, type EconomicMeasure, type EconomicRowKind } from '../../../domain/plan-constants.ts';
import type { BudgetTable, PlanFile } from '../../../domain/plan.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  plan: PlanFile;
  /** The table as it stands with the unsaved cell edits. */
  table: BudgetTable;
  busy: boolean;
  /** Saves the table changed by `change` (laid over the saved version with the cell edits). */
  onChange: (change: (table: BudgetTable) => BudgetTable, done: string) => Promise<boolean>;
}

/** Commits a text field on Enter as on leaving it. */
const commitOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.currentTarget.blur();
};

export function TableStructure({ plan, table, busy, onChange }: Props) {
  const { t } = useI18n();
  const e = t.economicTable;
  const problems = economicTableProblems(table, '', { nodes: new Set(plan.organisation.map((node) => node.key)), tables: plan.budgetTables });
  const change = (fn: (table: BudgetTable) => BudgetTable) => (busy ? undefined : void onChange(fn, e.changed));
  const labelOf = (key: string) => table.rows.find((row) => row.key === key)?.label ?? key;

  return (
    <section className="table-structure" aria-labelledby="table-structure-heading">
      <h2 id="table-structure-heading">{e.structureHeading}</h2>
      <p>{e.structureIntro}</p>
      {problems.length ? (
        <div className="notice notice--warning" aria-live="polite">
          <p>{e.problemsHeading}</p>
          <ul lang="sv">
            {problems.map((problem) => (
              <li key={`${problem.path}-${problem.message}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="doc-table">
        <table className="table-structure__rows">
          <caption>{e.rowsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.label}</th>
              <th scope="col">{e.kind}</th>
              <th scope="col">{e.unit}</th>
              <th scope="col">{e.actions}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={row.key} data-structure-row={row.key}>
                <td>
                  <input
                    key={row.label}
                    aria-label={e.labelFor(e.label, row.label)}
                    defaultValue={row.label}
                    lang="sv"
                    onKeyDown={commitOnEnter}
                    onBlur={(event) => {
                      const label = event.currentTarget.value.trim();
                      if (label && label !== row.label) change((next) => setRowLabel(next, row.key, label));
                    }}
                  />
                  {row.parts ? <span className="muted"> {e.parts(row.parts.length)}</span> : null}
                  {row.partOf ? <span className="muted" lang="sv"> {e.partOf(labelOf(row.partOf))}</span> : null}
                </td>
                <td>
                  <select aria-label={e.labelFor(e.kind, row.label)} value={row.kind} onChange={(event) => change((next) => setRowKind(next, row.key, event.target.value as EconomicRowKind))}>
                    {economicRowKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {e.rowKinds[kind]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select aria-label={e.labelFor(e.unit, row.label)} value={row.node ?? ''} onChange={(event) => change((next) => setRowNode(next, row.key, event.target.value || undefined))}>
                    <option value="">{e.noUnit}</option>
                    {plan.organisation.map((node) => (
                      <option key={node.key} value={node.key} lang="sv">
                        {node.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="button-row button-row--tight">
                  <button type="button" className="button button--secondary" aria-label={e.labelFor(e.up, row.label)} aria-disabled={index === 0 || busy || undefined} onClick={() => index > 0 && change((next) => moveRow(next, row.key, -1))}>
                    {e.up}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={e.labelFor(e.down, row.label)}
                    aria-disabled={index === table.rows.length - 1 || busy || undefined}
                    onClick={() => index < table.rows.length - 1 && change((next) => moveRow(next, row.key, 1))}
                  >
                    {e.down}
                  </button>
                  <button type="button" className="button button--secondary" aria-label={e.labelFor(e.remove, row.label)} aria-disabled={busy || undefined} onClick={() => change((next) => removeRow(next, row.key))}>
                    {e.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddRow table={table} busy={busy} onAdd={(label, kind, after) => onChange((next) => addRow(next, { label, kind, ...(after ? { after } : {}) }), e.changed)} />
      <div className="doc-table">
        <table className="table-structure__columns">
          <caption>{e.columnsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{e.heading}</th>
              <th scope="col">{e.measure}</th>
              <th scope="col">{e.period}</th>
              <th scope="col">{e.actions}</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((column, index) => (
              <tr key={column.key} data-structure-column={column.key}>
                <td>
                  <input
                    key={column.label}
                    aria-label={e.labelFor(e.heading, column.label)}
                    defaultValue={column.label}
                    lang="sv"
                    onKeyDown={commitOnEnter}
                    onBlur={(event) => {
                      const label = event.currentTarget.value.trim();
                      if (label !== column.label) change((next) => setColumn(next, column.key, { label }));
                    }}
                  />
                </td>
                <td>
                  <select aria-label={e.labelFor(e.measure, column.label)} value={column.measure} onChange={(event) => change((next) => setColumn(next, column.key, { measure: event.target.value as EconomicMeasure }))}>
                    {economicMeasures.map((measure) => (
                      <option key={measure} value={measure}>
                        {e.measures[measure]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <PeriodInput key={column.period ?? ''} label={e.labelFor(e.period, column.label)} value={column.period ?? ''} onCommit={(period) => change((next) => setColumn(next, column.key, { period }))} />
                </td>
                <td className="button-row button-row--tight">
                  <button type="button" className="button button--secondary" aria-label={e.labelFor(e.left, column.label)} aria-disabled={index === 0 || busy || undefined} onClick={() => index > 0 && change((next) => moveColumn(next, column.key, -1))}>
                    {e.left}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={e.labelFor(e.right, column.label)}
                    aria-disabled={index === table.columns.length - 1 || busy || undefined}
                    onClick={() => index < table.columns.length - 1 && change((next) => moveColumn(next, column.key, 1))}
                  >
                    {e.right}
                  </button>
                  <button type="button" className="button button--secondary" aria-label={e.labelFor(e.remove, column.label)} aria-disabled={busy || undefined} onClick={() => change((next) => removeColumn(next, column.key))}>
                    {e.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddColumn busy={busy} onAdd={(label, measure, period) => onChange((next) => addColumn(next, { label, measure, ...(period ? { period } : {}) }), e.changed)} />
    </section>
  );
}

/** A period typed as the domain reads it; refused in place, never saved, when it is no period. */
function PeriodInput({ label, value, onCommit }: { label: string; value: string; onCommit: (period: string) => void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState(false);
  const id = `period-${label.replace(/\W+/g, '-')}`;
  return (
    <>
      <input
        aria-label={label}
        defaultValue={value}
        size={9}
        aria-invalid={problem || undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onKeyDown={commitOnEnter}
        onBlur={(event) => {
          const typed = event.currentTarget.value.trim();
          const ok = typed === '' || isPeriod(typed);
          setProblem(!ok);
          if (ok && typed !== value) onCommit(typed);
        }}
      />
      {problem ? (
        <span id={`${id}-problem`} className="field__error">
          {t.economicTable.periodHelp}
        </span>
      ) : null}
    </>
  );
}

function AddRow({ table, busy, onAdd }: { table: BudgetTable; busy: boolean; onAdd: (label: string, kind: EconomicRowKind, after: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const e = t.economicTable;
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<EconomicRowKind>('line');
  const [after, setAfter] = useState('');
  const [problem, setProblem] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!label.trim()) return setProblem(true);
    setProblem(false);
    if (await onAdd(label.trim(), kind, after)) setLabel('');
  };
  return (
    <form className="table-structure__add" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor="structure-new-row">{e.newRowLabel}</label>
        <input id="structure-new-row" value={label} lang="sv" aria-invalid={problem || undefined} aria-describedby={problem ? 'structure-new-row-problem' : undefined} onChange={(event) => setLabel(event.target.value)} />
        {problem ? (
          <p id="structure-new-row-problem" className="field__error">
            {e.labelRequired}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="structure-new-row-kind">{e.kind}</label>
        <select id="structure-new-row-kind" value={kind} onChange={(event) => setKind(event.target.value as EconomicRowKind)}>
          {economicRowKinds.map((option) => (
            <option key={option} value={option}>
              {e.rowKinds[option]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="structure-new-row-after">{e.addRowAfter}</label>
        <select id="structure-new-row-after" value={after} onChange={(event) => setAfter(event.target.value)}>
          <option value="">{e.last}</option>
          {table.rows.map((row) => (
            <option key={row.key} value={row.key} lang="sv">
              {row.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {e.addRow}
      </button>
    </form>
  );
}

function AddColumn({ busy, onAdd }: { busy: boolean; onAdd: (label: string, measure: EconomicMeasure, period: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const e = t.economicTable;
  const [label, setLabel] = useState('');
  const [measure, setMeasure] = useState<EconomicMeasure>('budget');
  const [period, setPeriod] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!label.trim()) return setProblem(e.labelRequired);
    if (period.trim() && !isPeriod(period.trim())) return setProblem(e.periodHelp);
    setProblem(null);
    if (await onAdd(label.trim(), measure, period.trim())) {
      setLabel('');
      setPeriod('');
    }
  };
  return (
    <form className="table-structure__add" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor="structure-new-column">{e.newColumnLabel}</label>
        <input id="structure-new-column" value={label} lang="sv" aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'structure-new-column-problem' : undefined} onChange={(event) => setLabel(event.target.value)} />
        {problem ? (
          <p id="structure-new-column-problem" className="field__error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="structure-new-column-measure">{e.measure}</label>
        <select id="structure-new-column-measure" value={measure} onChange={(event) => setMeasure(event.target.value as EconomicMeasure)}>
          {economicMeasures.map((option) => (
            <option key={option} value={option}>
              {e.measures[option]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="structure-new-column-period">{e.period}</label>
        <input id="structure-new-column-period" value={period} size={9} onChange={(event) => setPeriod(event.target.value)} />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {e.addColumn}
      </button>
    </form>
  );
}
