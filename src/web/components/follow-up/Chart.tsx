/** A chart of a chosen volume measure's months against plan. */
import { useMemo, useState } from 'react';
import { yearOf } from '../../../domain/period.ts';
import type { PlanFile } from '../../../domain/plan.ts';
import { chartMeasures } from '../../follow-up-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { VolumeChart } from '../VolumeChart.tsx';

export function Chart({ plan, month }: { plan: PlanFile; month: string }) {
  const { t } = useI18n();
  const measures = useMemo(() => chartMeasures(plan, month), [plan, month]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (measures.length === 0) return null;
  const measure = measures.find((m) => m.id === chosen) ?? measures[0]!;
  return (
    <section aria-labelledby="chart-heading" className="follow-up-section">
      <h2 id="chart-heading">{t.followUp.chartHeading(String(yearOf(month)))}</h2>
      <div className="period-form chart-measure">
        <label htmlFor="chart-measure">{t.followUp.chooseMeasure}</label>
        <select id="chart-measure" value={measure.id} onChange={(event) => setChosen(event.target.value)}>
          {measures.map((m) => (
            <option key={m.id} value={m.id} lang="sv">
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <VolumeChart key={measure.id} measure={measure} year={String(yearOf(month))} />
    </section>
  );
}
