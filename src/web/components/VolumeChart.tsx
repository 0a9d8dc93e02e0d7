/**
 * Monthly volume actuals against plan as an inline SVG: a bar per month with its value printed
 * above it, the plan as a dashed line with its value written beside it, so nothing is told by
 * colour alone. The picture is one image with a description in words; "Visa som tabell" shows the
 * same figures as a table.
 */
import { useId, useState } from 'react';
import { formatPeriod, monthLabel, monthOf } from '../../domain/period.ts';
import type { ChartMeasure } from '../follow-up-view.ts';
import { useI18n } from '../i18n/index.tsx';

const width = 640;
const height = 300;
const margin = { top: 28, right: 16, bottom: 36, left: 16 };

export function VolumeChart({ measure, year }: { measure: ChartMeasure; year: string }) {
  const { t } = useI18n();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const tableId = `${id}-table`;
  const planValue = measure.planIsLevel && measure.plan ? measure.plan.value : null;
  const values = measure.months.map((month) => month.value).filter((value): value is number => value !== null);
  const top = Math.max(...values, planValue ?? 0, 0) * 1.1 || 1;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const slot = innerWidth / 12;
  const y = (value: number) => margin.top + innerHeight - (Math.max(value, 0) / top) * innerHeight;
  const first = measure.months[0]!.period;
  const last = measure.months.at(-1)!.period;
  const described = measure.months.map((month) => `${formatPeriod(month.period)} ${month.text ?? t.followUp.noValue}`).join(', ');
  const planWords = measure.plan ? (measure.planIsLevel ? t.followUp.chartPlanLevel(measure.plan.label, measure.plan.text) : t.followUp.chartPlanYear(measure.plan.label, measure.plan.text)) : t.followUp.chartNoPlan(year);
  const label = `${t.followUp.chartLabel(measure.label, formatPeriod(first), formatPeriod(last))} ${planWords} ${t.followUp.actuals}: ${described}.`;

  return (
    <figure className="volume-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="volume-chart__svg" preserveAspectRatio="xMidYMid meet">
        <line x1={margin.left} x2={width - margin.right} y1={margin.top + innerHeight} y2={margin.top + innerHeight} className="volume-chart__axis" />
        {measure.months.map((month) => {
          const index = monthOf(month.period)! - 1;
          const x = margin.left + index * slot + slot * 0.18;
          const barWidth = slot * 0.64;
          const center = x + barWidth / 2;
          return (
            <g key={month.period}>
              {month.value !== null ? (
                <>
                  <rect x={x} y={y(month.value)} width={barWidth} height={margin.top + innerHeight - y(month.value)} className="volume-chart__bar" />
                  <text x={center} y={y(month.value) - 6} textAnchor="middle" className="volume-chart__value">
                    {month.text}
                  </text>
                </>
              ) : (
                <text x={center} y={margin.top + innerHeight - 6} textAnchor="middle" className="volume-chart__value">
                  –
                </text>
              )}
              <text x={center} y={height - margin.bottom + 20} textAnchor="middle" className="volume-chart__month">
                {monthLabel(index + 1)}
              </text>
            </g>
          );
        })}
        {planValue !== null ? (
          <g>
            <line x1={margin.left} x2={width - margin.right} y1={y(planValue)} y2={y(planValue)} className="volume-chart__plan" />
            <text x={width - margin.right} y={y(planValue) - 6} textAnchor="end" className="volume-chart__plan-label">
              {`${measure.plan!.label}: ${measure.plan!.text}`}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>
        <ul className="volume-chart__legend">
          <li>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <rect x="2" y="2" width="12" height="12" className="volume-chart__bar" />
            </svg>{' '}
            {t.followUp.legendActual}
          </li>
          <li>
            {planValue !== null ? (
              <>
                <svg viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
                  <line x1="0" x2="24" y1="8" y2="8" className="volume-chart__plan" />
                </svg>{' '}
              </>
            ) : null}
            {planWords}
          </li>
        </ul>
        <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
          {showTable ? t.followUp.hideTable : t.followUp.showTable}
        </button>
      </figcaption>
      <div id={tableId} className="doc-table volume-chart__table" hidden={!showTable}>
        <table>
          <caption>{t.followUp.chartTableCaption(measure.label, year)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.followUp.month}</th>
              <th scope="col" className="num">
                {t.followUp.actual}
              </th>
              <th scope="col" className="num">
                {measure.plan ? measure.plan.label : t.followUp.plan}
              </th>
            </tr>
          </thead>
          <tbody>
            {measure.months.map((month) => (
              <tr key={month.period}>
                <th scope="row">{formatPeriod(month.period)}</th>
                <td className="num">{month.text ?? <span className="muted">{t.followUp.noValue}</span>}</td>
                <td className="num">{measure.plan ? (measure.planIsLevel ? measure.plan.text : <span className="muted">{t.followUp.planForYear(measure.plan.text)}</span>) : <span className="muted">{t.followUp.noValue}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
