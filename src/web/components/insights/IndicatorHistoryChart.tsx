/**
 * An indicator's outcomes per year against each year's target as an inline SVG: the outcome a
 * year is judged by as a point with its value printed beside it, joined year to year; a numeric
 * target as a dashed dash across the year with "Mål …" written under the year. Status per year is
 * listed in words (never colour alone), and "Visa som tabell" shows every figure as a table.
 */
import { useId, useMemo, useState } from 'react';
import { formatPeriod } from '../../../domain/format.ts';
import type { Indicator, StatusRule } from '../../../domain/plan.ts';
import { useI18n } from '../../i18n/index.tsx';
import { StatusLight } from '../StatusLight.tsx';
import { indicatorHistory, type HistoryYear } from './indicator-history.ts';

// The drawing's width grows with the years, so that on a narrow screen its text stays readable.
const slotWidth = 120;
const height = 230;
const margin = { top: 28, right: 12, bottom: 52, left: 12 };

interface Scale {
  x(index: number): number;
  y(value: number): number;
  slot: number;
  base: number;
}

function widthFor(years: HistoryYear[]): number {
  return Math.max(340, years.length * slotWidth) + margin.left + margin.right;
}

function scaleFor(years: HistoryYear[]): Scale {
  const width = widthFor(years);
  const values = years.flatMap((year) => [year.judged?.value ?? null, year.target?.value ?? null]).filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = (high - low) * 1.15 || 1;
  const innerHeight = height - margin.top - margin.bottom;
  const slot = (width - margin.left - margin.right) / Math.max(years.length, 1);
  const y = (value: number) => margin.top + innerHeight - ((value - low) / span) * innerHeight;
  return { x: (index) => margin.left + (index + 0.5) * slot, y, slot, base: y(Math.max(low, 0)) };
}

function HistorySvg({ years, label }: { years: HistoryYear[]; label: string }) {
  const { t } = useI18n();
  const scale = scaleFor(years);
  const width = widthFor(years);
  const points = years.flatMap((year, index) => (year.judged?.value != null ? [[scale.x(index), scale.y(year.judged.value)] as const] : []));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="history-chart__svg" preserveAspectRatio="xMidYMid meet" style={{ maxWidth: `${Math.round(width * 1.2)}px` }}>
      <line x1={margin.left} x2={width - margin.right} y1={scale.base} y2={scale.base} className="history-chart__axis" />
      {points.length > 1 ? <polyline points={points.map(([x, y]) => `${x},${y}`).join(' ')} className="history-chart__line" /> : null}
      {years.map((year, index) => {
        const x = scale.x(index);
        const half = scale.slot * 0.32;
        return (
          <g key={year.year}>
            {year.target?.value != null ? <line x1={x - half} x2={x + half} y1={scale.y(year.target.value)} y2={scale.y(year.target.value)} className="history-chart__target" /> : null}
            {year.judged?.value != null ? (
              <>
                <circle cx={x} cy={scale.y(year.judged.value)} r="5" className="history-chart__point" />
                {/* Below the point when the target lies above it, so the value never sits on the target's dash. */}
                <text x={x} y={scale.y(year.judged.value) + (year.target?.value != null && year.judged.value < year.target.value ? 22 : -10)} textAnchor="middle" className="history-chart__value">
                  {year.judged.text}
                </text>
              </>
            ) : null}
            <text x={x} y={height - margin.bottom + 20} textAnchor="middle" className="history-chart__year">
              {year.judged && year.judged.period !== String(year.year) ? formatPeriod(year.judged.period) : year.year}
            </text>
            {year.target?.value != null ? (
              <text x={x} y={height - margin.bottom + 40} textAnchor="middle" className="history-chart__target-label">
                {t.scorecard.historyTargetShort(year.target.text)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function HistoryTable({ id, name, years, hidden }: { id: string; name: string; years: HistoryYear[]; hidden: boolean }) {
  const { t } = useI18n();
  return (
    <div id={id} className="doc-table history-chart__table" hidden={hidden}>
      <table>
        <caption>{t.scorecard.historyTableCaption(name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.scorecard.historyYear}</th>
            <th scope="col">{t.scorecard.historyTarget}</th>
            <th scope="col">{t.scorecard.historyOutcomes}</th>
            <th scope="col">{t.scorecard.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year.year}>
              <th scope="row">{year.year}</th>
              <td lang="sv">{year.target ? year.target.text : <span className="muted">{t.scorecard.historyNone}</span>}</td>
              <td lang="sv">{year.outcomes.length ? year.outcomes.map((o) => `${o.text} (${formatPeriod(o.period)})`).join('; ') : <span className="muted">{t.scorecard.historyNone}</span>}</td>
              <td>
                <StatusLight status={year.status.status} /> <span className="explanation" lang="sv">{year.status.explanation}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IndicatorHistoryChart({ indicator, id, rule }: { indicator: Indicator; id?: string; rule?: StatusRule }) {
  const { t } = useI18n();
  const ownId = useId();
  const [showTable, setShowTable] = useState(false);
  const history = useMemo(() => indicatorHistory(indicator, rule), [indicator, rule]);
  const name = `${indicator.number} ${indicator.name}`;
  const tableId = `${id ?? ownId}-table`;
  const words = history.years.map((year) => t.scorecard.historyYearWords(String(year.year), year.judged?.text ?? null, year.target?.text ?? null, t.status[year.status.status]));
  const label = `${t.scorecard.historyChartLabel(name)} ${words.join(' ')}`;
  return (
    <figure className="history-chart" id={id}>
      <p className="history-chart__heading">
        {t.scorecard.historyHeading}: <span lang="sv">{name}</span>
      </p>
      {history.drawable ? <HistorySvg years={history.years} label={label} /> : <p>{t.scorecard.historyNothingToDraw}</p>}
      <figcaption>
        {history.drawable ? (
          <ul className="history-chart__legend">
            <li>
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="5" className="history-chart__point" />
              </svg>{' '}
              {t.scorecard.historyLegendActual}
            </li>
            <li>
              <svg viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
                <line x1="0" x2="24" y1="8" y2="8" className="history-chart__target" />
              </svg>{' '}
              {t.scorecard.historyLegendTarget}
            </li>
          </ul>
        ) : null}
        <p className="history-chart__status-heading">{t.scorecard.historyStatusHeading}</p>
        <ul className="history-chart__statuses">
          {history.years.map((year) => (
            <li key={year.year}>
              <span className="history-chart__status-year">{year.year}:</span> <StatusLight status={year.status.status} />{' '}
              {year.target && year.target.value === null ? (
                <span lang="sv" className="meta">
                  {t.scorecard.historyTarget}: {year.target.text}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
          {showTable ? t.followUp.hideTable : t.followUp.showTable}
        </button>
      </figcaption>
      <HistoryTable id={tableId} name={name} years={history.years} hidden={!showTable} />
    </figure>
  );
}
