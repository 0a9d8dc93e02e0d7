/**
 * Beside the volume grid: for each year with monthly actuals, every measure's plan, the year value
 * its saved months give (by its volume kind) and the deviation in words and figures, then the chart
 * of a chosen measure's months against plan with its table toggle (the follow-up page's chart).
 */
import { useMemo } from 'react';
import type { PlanFile, VolumeTable } from '../../../domain/plan.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Chart } from '../follow-up/Chart.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { planVsActual, type PlanVsActualRow, type PlanVsActualYear } from './volume-plan-vs-actual.ts';

function Deviation({ row }: { row: PlanVsActualRow }) {
  const { t } = useI18n();
  if (!row.deviation) return <span className="muted">–</span>;
  const way = { over: t.volumeGrid.over, under: t.volumeGrid.under, on: t.volumeGrid.onPlan }[row.deviation.way];
  return (
    <span className={`deviation--${row.deviation.way}`}>
      {row.deviation.text}
      {row.deviation.percent ? ` (${row.deviation.percent})` : ''} {way}
    </span>
  );
}

function YearTable({ table, year }: { table: VolumeTable; year: PlanVsActualYear }) {
  const { t } = useI18n();
  const id = `compare-${year.year}`;
  return (
    <section className="volume-compare" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.volumeGrid.compareHeading(String(year.year))}</h2>
      <p>{t.volumeGrid.compareIntro}</p>
      <div className="doc-table">
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table id={id} className="volume-compare__table">
            <caption id={`${id}-caption`}>
              {t.volumeGrid.compareCaption(String(year.year))}: <span lang="sv">{table.caption}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.volumeGrid.measure}</th>
                <th scope="col" className="num">
                  {t.volumeGrid.colPlan}
                </th>
                <th scope="col" className="num">
                  {t.volumeGrid.colActual(String(year.year))}
                </th>
                <th scope="col">{t.volumeGrid.colDeviation}</th>
                <th scope="col">{t.volumeGrid.colRule}</th>
              </tr>
            </thead>
            <tbody>
              {year.rows.map((row) => (
                <tr key={row.rowKey} data-compare-row={row.rowKey}>
                  <th scope="row" lang="sv">
                    {row.label}
                  </th>
                  <td className="num" lang="sv">
                    {row.plan ? row.plan.text : <span className="muted">{t.volumeGrid.noPlan}</span>}
                  </td>
                  <td className="num">{row.actual ? row.actual.text : <span className="muted">{t.volumeGrid.noActual}</span>}</td>
                  <td>
                    <Deviation row={row} />
                  </td>
                  <td>
                    {row.actual ? (
                      <>
                        <span lang="sv">{row.actual.rule}</span>
                        {row.actual.complete ? null : <span className="meta">{t.volumeGrid.through(row.actual.through)}</span>}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </section>
  );
}

/** Nothing when the table has no monthly actual columns (a plan-only table). */
export function VolumePlanVsActual({ plan, table }: { plan: PlanFile; table: VolumeTable }) {
  const years = useMemo(() => planVsActual(table), [table]);
  // The chart reads the plan file: give it this table as saved, so a saved edit shows at once.
  const withTable = useMemo(() => ({ ...plan, volumeTables: [table] }), [plan, table]);
  if (years.length === 0) return null;
  const latest = years.at(-1)!.year;
  return (
    <>
      {years.map((year) => (
        <YearTable key={year.year} table={table} year={year} />
      ))}
      <Chart plan={withTable} month={`${latest}-12`} />
    </>
  );
}
