/** The form that adds an investment row: object number, text and an amount per column. */
import { useState, type FormEvent } from 'react';
import type { Column } from '../../../domain/plan.ts';
import { useI18n } from '../../i18n/index.tsx';

export interface NewRow {
  object: string;
  text: string;
  cells: Record<string, string>;
}

export function AddRowForm({ columns, busy, onAdd }: { columns: Column[]; busy: boolean; onAdd: (row: NewRow) => Promise<boolean> }) {
  const { t } = useI18n();
  const [object, setObject] = useState('');
  const [text, setText] = useState('');
  const [cells, setCells] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') {
      setProblem(t.budgetEditor.textRequired);
      document.getElementById('capital-add-text')?.focus();
      return;
    }
    setProblem(null);
    const filled = Object.fromEntries(Object.entries(cells).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value.trim()]));
    if (await onAdd({ object: object.trim(), text: text.trim(), cells: filled })) {
      setObject('');
      setText('');
      setCells({});
    }
  };

  return (
    <form className="capital-add" aria-labelledby="capital-add-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="capital-add-heading">{t.budgetEditor.addHeading}</h2>
      <p className="field__help">{t.budgetEditor.addHelp}</p>
      <div className="capital-add__fields">
        <div className="field">
          <label htmlFor="capital-add-object">{t.budgetEditor.object}</label>
          <input id="capital-add-object" value={object} maxLength={40} onChange={(event) => setObject(event.target.value)} lang="sv" />
        </div>
        <div className="field">
          <label htmlFor="capital-add-text">{t.budgetEditor.text}</label>
          <input
            id="capital-add-text"
            value={text}
            maxLength={200}
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'capital-add-problem' : undefined}
            onChange={(event) => setText(event.target.value)}
            lang="sv"
          />
          {problem ? (
            <p id="capital-add-problem" className="field__error">
              {problem}
            </p>
          ) : null}
        </div>
        {columns.map((column) => (
          <div className="field" key={column.key}>
            <label htmlFor={`capital-add-${column.key}`}>{t.budgetEditor.amountFor(column.label)}</label>
            <input id={`capital-add-${column.key}`} value={cells[column.key] ?? ''} onChange={(event) => setCells({ ...cells, [column.key]: event.target.value })} lang="sv" />
          </div>
        ))}
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {t.budgetEditor.add}
      </button>
    </form>
  );
}
