/**
 * Year-end forecasts of the budget lines, grouped by table: each method, the entered forecast and
 * the budget; below, a chosen table's budget and latest forecast as a chart.
 */
import { useState } from 'react';
import { forecastChartData } from '../../budget-chart.ts';
import type { ForecastData } from '../../follow-up-api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { BudgetChart } from '../budget/BudgetChart.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { MethodCell, methods } from './MethodCell.tsx';
import '../../charts.css';
import '../../budget.css';

type Group = { key: string; title: string; rows: ForecastData['budgets'] };

/** The budget and latest forecast of one chosen table, drawn with the budget editor's chart. */
function ForecastChart({ groups, year }: { groups: Group[]; year: string }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(groups[0]?.key ?? '');
  const group = groups.find((g) => g.key === chosen) ?? groups[0];
  const data = group ? forecastChartData(group.rows, year) : null;
  if (!group) return null;
  // Folded away by default: the follow-up page is long, and its volume chart comes first.
  return (
    <details className="budget-forecast-chart">
      <summary>{t.budgetEditor.followUpChartHeading(year)}</summary>
      {groups.length > 1 ? (
        <div className="period-form chart-measure">
          <label htmlFor="budget-forecast-chart-table">{t.budgetEditor.chooseTable}</label>
          <select id="budget-forecast-chart-table" value={group.key} onChange={(event) => setChosen(event.target.value)}>
            {groups.map((g) => (
              <option key={g.key} value={g.key} lang="sv">
                {g.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {data ? <BudgetChart key={group.key} data={data} name={group.title} /> : <p>{t.budgetEditor.chartNone}</p>}
    </details>
  );
}

export function BudgetForecasts({ data }: { data: ForecastData }) {
  const { t } = useI18n();
  const captionId = 'forecast-budgets-caption';
  if (data.budgets.length === 0) return <p>{t.followUp.noBudgets}</p>;
  const computed = data.budgets.some((budget) => budget.computed !== null);
  const groups: Group[] = [];
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
                  // A row of one line (Timrå's) is named by its line; a unit's row has a line each for income, costs and net.
                  const id = budget.rowKey === budget.line ? budget.line : `${budget.rowKey}--${budget.line}`;
                  return (
                    <tr key={id} className={budget.line === 'net' ? 'row--total' : undefined} data-budget={`${budget.tableKey}--${id}`}>
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
      <ForecastChart groups={groups} year={String(data.year)} />
    </>
  );
}
