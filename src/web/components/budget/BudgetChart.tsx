/**
 * "Budget, utfall och prognos per nod" as an inline SVG: grouped bars per budget line, one bar per
 * column kind, each with its value written at its end and its own pattern (solid, hatched, dotted)
 * named in the legend, so nothing is told by colour alone. Negative amounts (costs, net costs) go
 * below the zero line. The picture is one image with a full description; "Visa som tabell" shows
 * the same figures as a table.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BudgetChartData, ChartBar, SeriesKind } from '../../budget-chart.ts';
import { LINE_WORDS } from '../../budget-view.ts';
import { useI18n } from '../../i18n/index.tsx';

const height = 320;
const margin = { top: 36, right: 12, bottom: 56, left: 12 };

/**
 * The drawing's width follows the figure's width (between 300 and 720), so its 14 px texts stay
 * readable on a 320 px screen instead of shrinking with a fixed picture.
 */
function useDrawingWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.round(Math.max(300, Math.min(720, element.clientWidth || 640))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function Swatch({ kind, patternId }: { kind: SeriesKind; patternId: string }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="14" height="14" className={`budget-chart__bar budget-chart__bar--${kind}`} fill={`url(#${patternId}-${kind})`} />
    </svg>
  );
}

function Patterns({ patternId }: { patternId: string }) {
  return (
    <defs>
      <pattern id={`${patternId}-budget`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#0b3d75" />
      </pattern>
      <pattern id={`${patternId}-actual`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <rect width="3" height="6" fill="#1b7a36" />
      </pattern>
      <pattern id={`${patternId}-forecast`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fff3cc" />
        <circle cx="3" cy="3" r="1.6" fill="#7a5600" />
      </pattern>
    </defs>
  );
}

interface Props {
  data: BudgetChartData;
  /** The node or table the figures belong to ("IFO"). */
  name: string;
}

export function BudgetChart({ data, name }: Props) {
  const { t } = useI18n();
  const id = useId();
  const patternId = `pattern${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [showTable, setShowTable] = useState(false);
  const { ref, width } = useDrawingWidth();
  const tableId = `${patternId}-table`;
  const words = t.budgetEditor;
  const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${words.and} ${items.at(-1)}` : (items[0] ?? ''));
  const shows = words.chartShows(list(data.series.map((series) => series.label)));
  const missingKinds = data.missing.map((kind) => words.kinds[kind]);
  const missing = missingKinds.length ? ` ${words.chartMissing(capitalise(list(missingKinds)), data.year)}` : '';
  const labelOf = (kind: SeriesKind) => data.series.find((series) => series.kind === kind)!.label;
  const figures = data.groups.map((group) => `${group.label}: ${group.bars.map((bar) => `${labelOf(bar.kind)} ${bar.value === null ? words.noValue : bar.text}`).join(', ')}`).join('; ');
  const label = `${words.chartLabel(name, data.year, data.unit)} ${shows}${missing} ${figures}.`;

  const values = data.groups.flatMap((group) => group.bars.map((bar) => bar.value ?? 0));
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const span = top - bottom || 1;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const y = (value: number) => margin.top + ((top - value) / span) * innerHeight;
  const zero = y(0);
  const slot = innerWidth / Math.max(data.groups.length, 1);
  const barWidth = (slot * 0.84) / Math.max(data.series.length, 1);

  // Narrow bars get a smaller figure, so neighbouring values do not run into each other.
  const valueClass = barWidth < 48 ? 'budget-chart__value budget-chart__value--small' : 'budget-chart__value';
  const groupClass = slot < 120 ? 'budget-chart__group budget-chart__value--small' : 'budget-chart__group';
  // On narrow bars every other value is written one line further out, so neighbours do not collide.
  const drawBar = (bar: ChartBar, x: number, index: number) => {
    const stagger = barWidth < 48 && index % 2 === 1 ? 13 : 0;
    const center = x + barWidth / 2;
    if (bar.value === null) {
      return (
        <text key={bar.kind} x={center} y={zero - 6} textAnchor="middle" className={valueClass}>
          –
        </text>
      );
    }
    const end = y(bar.value);
    const negative = bar.value < 0;
    // A label below a negative bar's end, above a positive one's; kept inside the drawing.
    const labelY = negative ? Math.min(end + 16 + stagger, height - margin.bottom + 30) : Math.max(end - 6 - stagger, 12);
    return (
      <g key={bar.kind}>
        <rect x={x} y={Math.min(end, zero)} width={barWidth} height={Math.max(Math.abs(end - zero), 1)} className={`budget-chart__bar budget-chart__bar--${bar.kind}`} fill={`url(#${patternId}-${bar.kind})`} />
        <text x={center} y={labelY} textAnchor="middle" className={valueClass}>
          {bar.text}
        </text>
      </g>
    );
  };

  return (
    <figure className="budget-chart" ref={ref}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="budget-chart__svg" preserveAspectRatio="xMidYMid meet">
        <Patterns patternId={patternId} />
        {data.groups.map((group, index) => {
          const start = margin.left + index * slot + slot * 0.08;
          return (
            <g key={group.key}>
              {group.bars.map((bar, i) => drawBar(bar, start + i * barWidth, i))}
              <text x={margin.left + index * slot + slot / 2} y={height - 6} textAnchor="middle" className={groupClass}>
                {groupWord(group.key, group.label)}
              </text>
            </g>
          );
        })}
        <line x1={margin.left} x2={width - margin.right} y1={zero} y2={zero} className="budget-chart__axis" />
      </svg>
      <figcaption>
        <p className="budget-chart__shows">
          {shows}
          {missing}
        </p>
        <ul className="budget-chart__legend">
          {data.series.map((series) => (
            <li key={series.kind} data-series={series.kind}>
              <Swatch kind={series.kind} patternId={patternId} /> <span lang="sv">{series.label}</span>
            </li>
          ))}
        </ul>
        <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
          {showTable ? words.hideTable : words.showTable}
        </button>
      </figcaption>
      <div id={tableId} className="doc-table budget-chart__table" hidden={!showTable}>
        <table>
          <caption>{words.chartTableCaption(name, data.year, data.unit)}</caption>
          <thead>
            <tr>
              <th scope="col">{words.line}</th>
              {data.series.map((series) => (
                <th key={series.kind} scope="col" className="num" lang="sv">
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.groups.map((group) => (
              <tr key={group.key}>
                <th scope="row" lang="sv">
                  {group.label}
                </th>
                {group.bars.map((bar) => (
                  <td key={bar.kind} className="num">
                    {bar.value === null ? <span className="muted">{words.noValue}</span> : bar.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The short word under a group: the budget line's name, else the row's own label. */
function groupWord(key: string, label: string): string {
  return (LINE_WORDS as Record<string, string>)[key] ?? label;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
