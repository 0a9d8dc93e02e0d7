/**
 * A whole operating statement pasted from Excel, units as rows: read by the domain's rule
 * (economy/paste.ts) into a table shown before anything is saved — how each column was read and
 * what its reconciliation finds — then, if the user chooses, put in place of the table.
 */
import { useState } from 'react';
import { tableFromPaste } from '../../../domain/economy/paste.ts';
import type { BudgetTable, PlanFile } from '../../../domain/plan.ts';
import { reconcilePlan } from '../../../domain/reconcile.ts';
import { planWith } from '../../budget-view.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  plan: PlanFile;
  table: BudgetTable;
  busy: boolean;
  /** Puts the pasted table in place of this one (its key, caption, node and roll-up stay). */
  onReplace: (pasted: BudgetTable) => Promise<boolean>;
}

export function PasteStatement({ plan, table, busy, onReplace }: Props) {
  const { t } = useI18n();
  const e = t.economicTable;
  const [text, setText] = useState('');
  const [read, setRead] = useState<BudgetTable | null | 'nothing'>(null);
  const counts = read && read !== 'nothing' ? reconcilePlan(planWith(plan, { budgetTable: read })).counts : null;

  const readText = () => {
    const pasted = tableFromPaste(text, { key: table.key, caption: table.caption, year: String(plan.plan.periodStart) });
    setRead(pasted ? { ...pasted, kind: table.kind, ...(table.heading ? { heading: table.heading } : {}), ...(table.node ? { node: table.node } : {}), ...(table.rollup ? { rollup: table.rollup } : {}), notes: table.notes } : 'nothing');
  };

  return (
    <section className="paste-statement" aria-labelledby="paste-statement-heading">
      <h2 id="paste-statement-heading">{e.pasteHeading}</h2>
      <p id="paste-statement-help">{e.pasteHelp}</p>
      <div className="field">
        <label htmlFor="paste-statement-text">{e.pasteLabel}</label>
        <textarea id="paste-statement-text" rows={8} value={text} lang="sv" aria-describedby="paste-statement-help" onChange={(event) => setText(event.target.value)} />
      </div>
      <button type="button" className="button button--secondary" onClick={readText}>
        {e.read}
      </button>
      <div aria-live="polite">
        {read === 'nothing' ? <p className="field__error">{e.nothingRead}</p> : null}
        {read && read !== 'nothing' && counts ? (
          <>
            <p>{e.preview(read.rows.length, read.columns.length)}</p>
            <p>{e.previewChecks(counts.gap, counts.rounding, counts.info)}</p>
          </>
        ) : null}
      </div>
      {read && read !== 'nothing' ? (
        <>
          <h3>{e.previewColumns}</h3>
          <ul lang="sv">
            {read.columns.map((column) => (
              <li key={column.key}>
                {column.label || '–'}: {e.measures[column.measure]}
                {column.period ? ` ${column.period}` : ''}
                {column.unit ? ` (${column.unit})` : ''}
              </li>
            ))}
          </ul>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void onReplace(read).then((done) => done && setRead(null))}>
            {e.replace}
          </button>
        </>
      ) : null}
    </section>
  );
}
