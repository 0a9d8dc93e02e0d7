/**
 * A KPI's series as an inline SVG: the own municipality as a solid line with round markers and its
 * values written beside them, the comparison group's range as a band with its mean as a dashed
 * line, and the country as a dotted line with square markers — told apart by line and marker, not
 * by colour alone. One image described in words; "Visa som tabell" shows the same figures.
 */
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { decimalsFor, formatFigure, type ChartModel, type ChartYear } from '../../kolada-view.ts';

const width = 640;
const height = 300;
const margin = { top: 24, right: 24, bottom: 36, left: 24 };

type Key = 'own' | 'mean' | 'country';

export function KoladaChart({ model, allYears, kpiLabel, municipality }: { model: ChartModel; allYears: ChartYear[]; kpiLabel: string; municipality: string }) {
  const { t } = useI18n();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const tableId = `${id}-table`;
  const years = model.years;
  const decimals = decimalsFor(model);
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const step = years.length > 1 ? innerWidth / (years.length - 1) : 0;
  const x = (index: number) => (years.length > 1 ? margin.left + index * step : margin.left + innerWidth / 2);
  const y = (value: number) => margin.top + innerHeight - ((value - model.bottom) / (model.top - model.bottom || 1)) * innerHeight;
  const path = (key: Key) =>
    years
      .map((year, index) => ({ value: year[key], index }))
      .filter((p): p is { value: number; index: number } => p.value !== null)
      .map((p, n) => `${n === 0 ? 'M' : 'L'}${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`)
      .join(' ');
  const band = years.map((year, index) => ({ year, index })).filter(({ year }) => year.min !== null && year.max !== null);
  const bandPath = band.length > 1 ? `${band.map(({ year, index }, n) => `${n === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(year.max!).toFixed(1)}`).join(' ')} ${[...band].reverse().map(({ year, index }) => `L${x(index).toFixed(1)},${y(year.min!).toFixed(1)}`).join(' ')} Z` : null;
  const words = (key: Key | 'range') =>
    years.map((year) => `${year.year} ${key === 'range' ? (year.min === null ? t.kolada.noValue : `${formatFigure(year.min, decimals)}–${formatFigure(year.max, decimals)}`) : year[key] === null ? t.kolada.noValue : formatFigure(year[key], decimals)}`).join(', ');
  const label = [
    t.kolada.chartLabel(kpiLabel, years[0]!.year, years.at(-1)!.year),
    t.kolada.chartSeries(municipality, words('own')),
    t.kolada.chartSeries(t.kolada.legendMean, words('mean')),
    t.kolada.chartSeries(t.kolada.legendRange, words('range')),
    model.countryApart ? t.kolada.countryApart : t.kolada.chartSeries(t.kolada.legendCountry, words('country')),
  ].join(' ');

  return (
    <figure className="kolada-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="kolada-chart__svg" preserveAspectRatio="xMidYMid meet">
        <line x1={margin.left} x2={width - margin.right} y1={y(Math.max(model.bottom, 0))} y2={y(Math.max(model.bottom, 0))} className="kolada-chart__axis" />
        {bandPath ? <path d={bandPath} className="kolada-chart__range" /> : null}
        <path d={path('mean')} className="kolada-chart__mean" />
        {model.countryApart ? null : <path d={path('country')} className="kolada-chart__country" />}
        <path d={path('own')} className="kolada-chart__own" />
        {years.map((year, index) => (
          <g key={year.year}>
            {year.country !== null && !model.countryApart ? <rect x={x(index) - 4} y={y(year.country) - 4} width="8" height="8" className="kolada-chart__country-mark" /> : null}
            {year.mean !== null ? <line x1={x(index) - 6} x2={x(index) + 6} y1={y(year.mean)} y2={y(year.mean)} className="kolada-chart__mean-mark" /> : null}
            {year.own !== null ? (
              <>
                <circle cx={x(index)} cy={y(year.own)} r="5" className="kolada-chart__own-mark" />
                <text x={x(index)} y={y(year.own) - 10} textAnchor="middle" className="kolada-chart__value">
                  {formatFigure(year.own, decimals)}
                </text>
              </>
            ) : null}
            <text x={x(index)} y={height - margin.bottom + 22} textAnchor="middle" className="kolada-chart__year">
              {year.year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="kolada-chart__legend">
          <li>
            <LegendLine className="kolada-chart__own" mark="circle" /> {t.kolada.legendOwn(municipality)}
          </li>
          <li>
            <LegendLine className="kolada-chart__mean" mark="none" /> {t.kolada.legendMean}
          </li>
          <li>
            <svg viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">
              <rect x="1" y="3" width="22" height="10" className="kolada-chart__range" />
            </svg>{' '}
            {t.kolada.legendRange}
          </li>
          <li>{model.countryApart ? t.kolada.countryApart : <><LegendLine className="kolada-chart__country" mark="square" /> {t.kolada.legendCountry}</>}</li>
          {model.earlierYears ? <li>{t.kolada.earlierYears(model.earlierYears)}</li> : null}
        </ul>
        <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
          {showTable ? t.kolada.hideTable : t.kolada.showTable}
        </button>
      </figcaption>
      <div id={tableId} className="doc-table kolada-chart__table" hidden={!showTable}>
        <SeriesTable years={allYears} decimals={decimals} kpiLabel={kpiLabel} municipality={municipality} />
      </div>
    </figure>
  );
}

function LegendLine({ className, mark }: { className: string; mark: 'circle' | 'square' | 'none' }) {
  return (
    <svg viewBox="0 0 28 16" width="28" height="16" aria-hidden="true" focusable="false">
      <line x1="0" x2="28" y1="8" y2="8" className={className} />
      {mark === 'circle' ? <circle cx="14" cy="8" r="4" className="kolada-chart__own-mark" /> : null}
      {mark === 'square' ? <rect x="10" y="4" width="8" height="8" className="kolada-chart__country-mark" /> : null}
    </svg>
  );
}

function SeriesTable({ years, decimals, kpiLabel, municipality }: { years: ChartYear[]; decimals: number; kpiLabel: string; municipality: string }) {
  const { t } = useI18n();
  const cell = (value: number | null) => (value === null ? <span className="muted">{t.kolada.noValue}</span> : formatFigure(value, Math.max(decimals, 2)));
  return (
    <table>
      <caption>{t.kolada.tableCaption(kpiLabel)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.kolada.year}</th>
          <th scope="col" className="num">{municipality}</th>
          <th scope="col" className="num">{t.kolada.mean}</th>
          <th scope="col" className="num">{t.kolada.min}</th>
          <th scope="col" className="num">{t.kolada.max}</th>
          <th scope="col" className="num">{t.kolada.country}</th>
        </tr>
      </thead>
      <tbody>
        {years.map((year) => (
          <tr key={year.year}>
            <th scope="row">{year.year}</th>
            <td className="num">{cell(year.own)}</td>
            <td className="num">{cell(year.mean)}</td>
            <td className="num">{cell(year.min)}</td>
            <td className="num">{cell(year.max)}</td>
            <td className="num">{cell(year.country)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
