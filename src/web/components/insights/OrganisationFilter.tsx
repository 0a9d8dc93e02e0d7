/**
 * The scorecard's filter by organisation node (enhet): a labelled select of the plan's nodes,
 * indented by level in the option text, with "Alla" first. Choosing and pressing the button goes to
 * the address with ?enhet=, so a filtered scorecard can be shared and the back button works.
 */
import { useState, type FormEvent } from 'react';
import type { OrganisationOption } from '../../scorecard-view.ts';
import { useI18n } from '../../i18n/index.tsx';

const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);

export function OrganisationFilter({ options, chosen, onGo }: { options: OrganisationOption[]; chosen: string | null; onGo: (node: string | null) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(chosen ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onGo(value === '' ? null : value);
  };
  return (
    <form className="period-form organisation-filter" onSubmit={submit}>
      <label htmlFor="organisation-filter">{t.scorecard.filterLabel}</label>
      <select id="organisation-filter" value={value} onChange={(event) => setValue(event.target.value)}>
        <option value="">{t.scorecard.filterAll}</option>
        {options.map((option) => (
          <option key={option.key} value={option.key} lang="sv">
            {indent(option.depth)}
            {option.name}
          </option>
        ))}
      </select>
      <button type="submit">{t.scorecard.filterShow}</button>
    </form>
  );
}
