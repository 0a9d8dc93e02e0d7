/** A small form to choose a period (month or year) from a list and go to it. */
import { useState, type FormEvent } from 'react';
import { formatPeriod } from '../../domain/format.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  id: string;
  label: string;
  /** The period shown now, chosen to begin with. */
  period: string;
  /** The periods to choose from, in the order they are listed. */
  options: string[];
  onGo: (chosen: string) => void;
}

export function PeriodSelectForm({ id, label, period, options, onGo }: Props) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(period);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onGo(chosen);
  };
  return (
    <form className="period-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {formatPeriod(option)}
          </option>
        ))}
      </select>
      <button type="submit">{t.scorecard.show}</button>
    </form>
  );
}
