/** Year-end forecasts of the budget lines, grouped by table: each method, the entered forecast and the budget. */
import type { ForecastData } from '../../follow-up-api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { MethodCell, methods } from './MethodCell.tsx';

export function BudgetForecasts({ data }: { data: ForecastData }) {
  const { t } = useI18n();
  const captionId = 'forecast-budgets-caption';
  if (data.budgets.length === 0) return <p>{t.followUp.noBudgets}</p>;
  const computed = data.budgets.some((budget) => budget.computed !== null);
  const groups: Array<{ key: string; title: string; rows: ForecastData['budgets'] }> = [];
  for (const budget of data.budgets) {
    const group = groups.find((g) => g.key === budget.tableKey);
    if (group) group.rows.push(budget);
    else groups.push({ key: budget.tableKey, title: budget.title, rows: [budget] });
  }
  const width = 3 + (computed ? methods.length : 0);
  const unit = data.budgets[0]!.unit;
  return (
    <>
      {computed ? null : <p>{t.followUp.noBudgetMonths}</p>}
      <div className="doc-table">
        <ScrollRegion labelledBy={captionId}>
          <table id="forecast-budgets" className="forecast-table">
            <caption id={captionId}>{t.followUp.budgetCaption(String(data.year), unit)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.followUp.budgetLine}</th>
                {computed
                  ? methods.map((method) => (
                      <th key={method} scope="col" className="num">
                        {t.followUp.methods[method]}
                      </th>
                    ))
                  : null}
                <th scope="col" className="num">
                  {t.followUp.entered}
                </th>
                <th scope="col" className="num">
                  {t.followUp.budgetColumn(String(data.year))}
                </th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.key}>
                <tr className="row--group">
                  <th scope="rowgroup" colSpan={width} lang="sv">
                    {group.title}
                  </th>
                </tr>
                {group.rows.map((budget) => {
                  const entered = budget.entered.at(-1);
                  return (
                    <tr key={budget.line} className={budget.line === 'net' ? 'row--total' : undefined} data-budget={`${budget.tableKey}--${budget.line}`}>
                      <th scope="row" lang="sv">
                        {budget.label}
                      </th>
                      {computed ? methods.map((method) => <MethodCell key={method} data={budget.computed?.methods.find((m) => m.method === method)} />) : null}
                      <td className="num">
                        {entered ? (
                          <>
                            <span className="forecast-value">{entered.text}</span>
                            <span className="forecast-interval" lang="sv">
                              {entered.columnLabel}
                            </span>
                          </>
                        ) : (
                          <span className="muted">{t.followUp.noValue}</span>
                        )}
                      </td>
                      <td className="num">{budget.budget ? budget.budget.text : <span className="muted">{t.followUp.noValue}</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </ScrollRegion>
      </div>
    </>
  );
}
