/** The switch between the table and the status board: two toggle buttons (aria-pressed), kept in the address (?vy=tavla). */
import { useI18n } from '../../i18n/index.tsx';

export type ActivitiesView = 'table' | 'board';

/** The view the address asks for; the table unless ?vy=tavla. */
export const viewOf = (search: URLSearchParams): ActivitiesView => (search.get('vy') === 'tavla' ? 'board' : 'table');

export function ViewSwitch({ view, onChange }: { view: ActivitiesView; onChange: (view: ActivitiesView) => void }) {
  const { t } = useI18n();
  const button = (value: ActivitiesView, label: string) => (
    <button type="button" className="view-switch__button" aria-pressed={view === value} onClick={() => onChange(value)}>
      {label}
    </button>
  );
  return (
    <div className="view-switch" role="group" aria-label={t.activities.viewLabel}>
      {button('table', t.activities.viewTable)}
      {button('board', t.activities.viewBoard)}
    </div>
  );
}
