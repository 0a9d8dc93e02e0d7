/**
 * What a rollover will copy, in lists and tables people can check: the counts the server gave,
 * the goals, the indicators with their targets, the running activities, each budget table's rows
 * with the new period's columns, and what is left behind and why. The details come from the same
 * pure function the server runs (src/domain/rollover.ts) on the plan as loaded.
 */
import type { PlanFile } from '../../../domain/plan.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import type { RolloverPreview as Preview } from './rollover-api.ts';

function Counts({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  const r = t.rollover;
  return (
    <div className="doc-table rollover-counts">
      <ScrollRegion labelledBy="rollover-counts-caption">
      <table>
        <caption id="rollover-counts-caption">{r.summaryCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{r.part}</th>
            <th scope="col" className="num">
              {r.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(preview.copied).map(([part, count]) => (
            <tr key={part}>
              <th scope="row">{r.parts[part] ?? part}</th>
              <td className="num">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollRegion>
    </div>
  );
}

function Indicators({ next }: { next: PlanFile }) {
  const { t } = useI18n();
  const r = t.rollover;
  return (
    <section aria-labelledby="rollover-indicators">
      <h3 id="rollover-indicators">{r.indicatorsHeading(next.indicators.length)}</h3>
      {next.indicators.length > 0 ? (
        <div className="doc-table">
          <ScrollRegion labelledBy="rollover-indicators-caption">
            <table>
              <caption id="rollover-indicators-caption" className="visually-hidden">
                {r.indicatorsCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{r.indicator}</th>
                  <th scope="col">{r.targets}</th>
                </tr>
              </thead>
              <tbody>
                {next.indicators.map((indicator) => (
                  <tr key={indicator.key}>
                    <th scope="row" lang="sv">
                      {indicator.number} {indicator.name}
                    </th>
                    <td>{indicator.targets.length ? <span lang="sv">{indicator.targets.map((target) => `${target.year}: ${target.text}`).join('; ')}</span> : r.noTargets}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}
    </section>
  );
}

function Budgets({ next }: { next: PlanFile }) {
  const { t } = useI18n();
  const r = t.rollover;
  return (
    <section aria-labelledby="rollover-budget">
      <h3 id="rollover-budget">{r.budgetHeading}</h3>
      {next.budgetTables.length === 0 ? <p>{r.noBudget}</p> : null}
      {next.budgetTables.map((table) => (
        <div key={table.key} className="rollover-table" data-budget-table={table.key}>
          <h4 lang="sv">
            {table.heading ?? table.caption} ({r.budgetRows(table.rows.length)})
          </h4>
          <p>{r.newColumns}</p>
          <ul className="rollover-columns" lang="sv">
            {table.columns.map((column) => (
              <li key={column.key}>{column.label}</li>
            ))}
          </ul>
          <p>{r.rowsCopied}</p>
          <ul lang="sv">
            {table.rows.map((row, index) => (
              <li key={index}>{row.label}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function LeftBehind({ preview, source }: { preview: Preview; source: PlanFile }) {
  const { t } = useI18n();
  const r = t.rollover;
  const labelOf = (part: string, key: string) => {
    if (part === 'activities') return source.activities.find((a) => a.key === key)?.name ?? key;
    if (part === 'indicators') {
      const indicator = source.indicators.find((i) => i.key === key);
      return indicator ? `${indicator.number} ${indicator.name}` : key;
    }
    return key;
  };
  return (
    <section aria-labelledby="rollover-left">
      <h3 id="rollover-left">{r.leftHeading(preview.left.length)}</h3>
      {preview.left.length === 0 ? (
        <p>{r.nothingLeft}</p>
      ) : (
        <div className="doc-table">
          <ScrollRegion labelledBy="rollover-left-caption">
          <table>
            <caption id="rollover-left-caption" className="visually-hidden">{r.leftCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{r.leftPart}</th>
                <th scope="col">{r.leftKey}</th>
                <th scope="col">{r.leftReason}</th>
              </tr>
            </thead>
            <tbody>
              {preview.left.map((item) => (
                <tr key={`${item.part}-${item.key}`}>
                  <td>{r.partNames[item.part] ?? item.part}</td>
                  <th scope="row" lang="sv">
                    {labelOf(item.part, item.key)}
                  </th>
                  <td lang="sv">{item.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
        </div>
      )}
    </section>
  );
}

export function RolloverPreviewView({ preview, source, next }: { preview: Preview; source: PlanFile; next: PlanFile }) {
  const { t } = useI18n();
  const r = t.rollover;
  return (
    <section className="rollover-preview" aria-labelledby="rollover-preview-heading">
      <h2 id="rollover-preview-heading">{r.previewHeading(preview.period)}</h2>
      <dl className="rollover-facts">
        <dt>{r.newTitle}</dt>
        <dd lang="sv">{next.plan.title}</dd>
        <dt>{r.newKey}</dt>
        <dd>
          <code>{preview.to}</code>
        </dd>
      </dl>
      <Counts preview={preview} />
      <section aria-labelledby="rollover-goals">
        <h3 id="rollover-goals">{r.goalsHeading(next.goals.length)}</h3>
        <ul lang="sv">
          {next.goals.map((goal) => (
            <li key={goal.key}>{[goal.number, goal.text].filter(Boolean).join(' ')}</li>
          ))}
        </ul>
      </section>
      <Indicators next={next} />
      <section aria-labelledby="rollover-activities">
        <h3 id="rollover-activities">{r.activitiesHeading(next.activities.length)}</h3>
        {next.activities.length === 0 ? (
          <p>{r.noActivities}</p>
        ) : (
          <ul lang="sv">
            {next.activities.map((activity) => (
              <li key={activity.key}>{activity.name}</li>
            ))}
          </ul>
        )}
      </section>
      <Budgets next={next} />
      <LeftBehind preview={preview} source={source} />
    </section>
  );
}
