/**
 * The figures an item is written beside: for an analysis the deviation (plan or budget against
 * outcome or forecast, the difference, its size) and, for a volume, the chart of the months
 * against plan; for a goal its status by the indicators; for a qualitative target its target and
 * outcome; for an activity its status in the plan. Computed by the domain's own rules from the plan.
 */
import { analysesFor } from '../../../domain/analyses.ts';
import type { DeviationList } from '../../../domain/deviations.ts';
import type { PlanForecast } from '../../../domain/forecast-plan.ts';
import { formatPeriod } from '../../../domain/period.ts';
import type { PlanFile } from '../../../domain/plan.ts';
import type { Scorecard } from '../../../domain/status.ts';
import { parseRich } from '../../../documents/rich.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { AssignmentItem } from '../../rounds-api.ts';
import { chartOf, forecastLines } from '../../rounds-view.ts';
import { RichText } from '../RichText.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { StatusIcon, StatusLight } from '../StatusLight.tsx';
import { VolumeChart } from '../VolumeChart.tsx';

export interface ItemContext {
  plan: PlanFile;
  period: string;
  deviations: DeviationList;
  card: Scorecard;
  /** Year-end forecasts as of the period's last month. */
  forecast: PlanForecast;
}

export function ItemFigures({ item, context }: { item: AssignmentItem; context: ItemContext }) {
  switch (item.kind) {
    case 'analysis':
      return <DeviationFigures item={item} context={context} />;
    case 'goal': {
      const goal = context.card.goals.find((entry) => entry.goalKey === item.subject);
      return goal ? <GoalFigures status={goal.status} explanation={goal.explanation} /> : null;
    }
    case 'indicator': {
      const indicator = context.card.indicators.find((entry) => entry.indicatorKey === item.subject);
      return indicator ? <IndicatorFigures target={indicator.target} actual={indicator.actual} /> : null;
    }
    case 'activity': {
      const activity = context.plan.activities.find((entry) => entry.key === item.subject);
      return activity?.status ? <ActivityFigures status={activity.status} /> : null;
    }
    default:
      return null;
  }
}

function DeviationFigures({ item, context }: { item: AssignmentItem; context: ItemContext }) {
  const { t } = useI18n();
  const rows = context.deviations.deviations.filter((deviation) => deviation.subject === item.subject);
  const chart = chartOf(context.plan, context.period, item.subject);
  const earlier = analysesFor(context.plan, item.subject, context.period).earlier;
  const captionId = `figures-${item.key.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <div className="round-item__figures">
      {rows.length === 0 ? (
        <p className="meta">{t.rounds.assignment.noDeviation}</p>
      ) : (
        <ScrollRegion labelledBy={captionId}>
          <table className="round-deviations">
            <caption id={captionId}>{t.rounds.assignment.deviationsCaption(item.label)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rounds.assignment.deviation}</th>
                <th scope="col" className="num">
                  {t.rounds.assignment.planned}
                </th>
                <th scope="col" className="num">
                  {t.rounds.assignment.actual}
                </th>
                <th scope="col" className="num">
                  {t.rounds.assignment.difference}
                </th>
                <th scope="col" className="num">
                  {t.rounds.assignment.percent}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((deviation) => (
                <tr key={`${deviation.subject}-${deviation.line ?? ''}`}>
                  <th scope="row">
                    <span className={`status status--${deviation.severity}`}>
                      <StatusIcon status={deviation.severity} />
                      <span className="status__text">{t.rounds.assignment.severity[deviation.severity]}</span>
                    </span>{' '}
                    <span lang="sv">{deviation.label}</span>
                    <span className="explanation meta" lang="sv">
                      {deviation.explanation}
                    </span>
                  </th>
                  <td className="num">{deviation.planned ?? '–'}</td>
                  <td className="num">{deviation.actual ?? '–'}</td>
                  <td className="num">{deviation.difference ?? '–'}</td>
                  <td className="num">{deviation.percent ? `${deviation.percent} %` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Forecast lines={forecastLines(context.forecast, item.subject)} />
      {chart ? <VolumeChart measure={chart} year={context.period.slice(0, 4)} /> : null}
      {earlier.length > 0 ? (
        <details className="round-item__earlier">
          <summary>{t.rounds.assignment.earlierAnalyses}</summary>
          <ul>
            {earlier.map((analysis) => (
              <li key={analysis.key}>
                <strong>{formatPeriod(analysis.period)}:</strong>{' '}
                <span lang="sv">
                  <RichText blocks={parseRich(analysis.text)} />
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function Forecast({ lines }: { lines: ReturnType<typeof forecastLines> }) {
  const { t } = useI18n();
  if (lines.length === 0) return null;
  return (
    <div className="round-item__forecast">
      <p className="round-item__forecast-heading">{t.rounds.assignment.forecastHeading}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.label} lang="sv">
            {t.rounds.assignment.forecastLine(line.label, line.value, line.source)}
            {line.interval ? `, ${t.rounds.assignment.forecastInterval(line.interval.low, line.interval.high)}` : ''}
            {line.planned ? `; ${t.rounds.assignment.forecastPlanned(line.planned)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function GoalFigures({ status, explanation }: { status: Scorecard['goals'][number]['status']; explanation: string }) {
  const { t } = useI18n();
  return (
    <p className="round-item__figures">
      {t.rounds.assignment.goalStatus}: <StatusLight status={status} /> <span className="meta" lang="sv">{explanation}</span>
    </p>
  );
}

function IndicatorFigures({ target, actual }: { target: string | null; actual: string | null }) {
  const { t } = useI18n();
  return (
    <p className="round-item__figures" lang="sv">
      {t.rounds.assignment.targetAndActual(target ?? '–', actual ?? '–')}
    </p>
  );
}

function ActivityFigures({ status }: { status: string }) {
  const { t } = useI18n();
  return <p className="round-item__figures meta">{t.rounds.assignment.currentStatus(t.rounds.assignment.assessments[status] ?? status)}</p>;
}
