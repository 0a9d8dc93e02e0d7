/** A small trend line of outcomes, named in words for screen readers; fewer than two says so. */
import { formatPeriod } from '../../domain/format.ts';
import type { TrendPoint } from '../scorecard-view.ts';
import { useI18n } from '../i18n/index.tsx';

export function Sparkline({ points }: { points: TrendPoint[] }) {
  const { t } = useI18n();
  if (points.length < 2) {
    return (
      <span>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t.scorecard.noTrend}</span>
      </span>
    );
  }
  const width = 80;
  const height = 24;
  const values = points.map((point) => point.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const coordinates = points.map((point, index) => {
    const x = 2 + (index * (width - 4)) / (points.length - 1);
    const y = height - 3 - ((point.value - min) * (height - 6)) / span;
    return [Number(x.toFixed(1)), Number(y.toFixed(1))] as const;
  });
  const label = t.scorecard.trendLabel(points.map((point) => `${formatPeriod(point.period)}: ${point.text}`).join('; '));
  const last = coordinates.at(-1)!;
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={coordinates.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={last[0]} cy={last[1]} r="2.5" fill="currentColor" />
    </svg>
  );
}
