/** Filters by status, organisation node and service area, with the number of activities shown, announced politely. */
import { useId } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { noFilters, statusSlots, withoutNode, type Filters } from '../../activities-view.ts';

interface Props {
  filters: Filters;
  options: { nodes: Array<{ key: string; name: string }>; withoutNode: boolean; serviceAreas: string[] };
  shown: number;
  total: number;
  onChange: (filters: Filters) => void;
}

export function ActivityFilters({ filters, options, shown, total, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const filtered = filters.status !== '' || filters.node !== '' || filters.serviceArea !== '';
  return (
    <form className="activity-filters" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t.activities.filters}</legend>
        <div className="activity-filters__fields">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t.activities.filterStatus}</label>
            <select id={`${id}-status`} value={filters.status} onChange={(event) => onChange({ ...filters, status: event.target.value as Filters['status'] })}>
              <option value="">{t.activities.all}</option>
              {statusSlots.map((slot) => (
                <option key={slot} value={slot}>
                  {t.activities.status[slot]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-node`}>{t.activities.filterNode}</label>
            <select id={`${id}-node`} value={filters.node} onChange={(event) => onChange({ ...filters, node: event.target.value })}>
              <option value="">{t.activities.all}</option>
              {options.nodes.map((node) => (
                <option key={node.key} value={node.key} lang="sv">
                  {node.name}
                </option>
              ))}
              {options.withoutNode ? <option value={withoutNode}>{t.activities.withoutNode}</option> : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-area`}>{t.activities.filterServiceArea}</label>
            <select id={`${id}-area`} value={filters.serviceArea} onChange={(event) => onChange({ ...filters, serviceArea: event.target.value })}>
              <option value="">{t.activities.all}</option>
              {options.serviceAreas.map((area) => (
                <option key={area} value={area} lang="sv">
                  {area}
                </option>
              ))}
            </select>
          </div>
          {filtered ? (
            <button type="button" className="button button--secondary activity-filters__clear" onClick={() => onChange(noFilters)}>
              {t.activities.clearFilters}
            </button>
          ) : null}
        </div>
        <p className="activity-filters__count" aria-live="polite" aria-atomic="true" data-count={shown}>
          {t.activities.count(shown, total)}
        </p>
      </fieldset>
    </form>
  );
}
