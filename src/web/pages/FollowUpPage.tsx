/**
 * Follow-up of a plan for a month: year-end forecasts of every volume measure and budget line
 * (each method's value with its interval, beside the forecast the economist entered and the
 * plan), a chart of a measure's months against plan, and the deviations of the month, largest
 * first, with the responsible's analyses of this and earlier periods.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Decimal } from 'decimal.js';
import { parseRich } from '../../documents/rich.ts';
import { formatAmount, formatPeriod } from '../../domain/format.ts';
import type { PlanFile } from '../../domain/plan.ts';
import { getPlan } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LoadError, Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { RichText } from '../components/RichText.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { StatusIcon } from '../components/StatusLight.tsx';
import { VolumeChart } from '../components/VolumeChart.tsx';
import { getDeviations, getForecast, type DeviationData, type ForecastData } from '../follow-up-api.ts';
import { chartMeasures, monthsWithActuals } from '../follow-up-view.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link, navigate, paths, useLocation } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import '../follow-up.css';

const methods = ['run-rate', 'seasonal', 'trend', 'latest'] as const;
type Method = (typeof methods)[number];
type MethodData = ForecastData['volumes'][number]['forecast']['methods'][number];

/** A forecast figure the Swedish way: whole numbers for large values, one or two decimals for small ones. */
function figure(value: string | null): string {
  if (value === null) return formatAmount(null);
  const decimal = new Decimal(value);
  const decimals = decimal.abs().greaterThanOrEqualTo(100) ? 0 : decimal.abs().greaterThanOrEqualTo(10) ? 1 : 2;
  return formatAmount(decimal.toDecimalPlaces(decimals), {});
}

function MethodCell({ data }: { data: MethodData | undefined }) {
  const { t } = useI18n();
  if (!data || data.value === null) {
    return (
      <td className="num">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t.followUp.noForecast}</span>
      </td>
    );
  }
  return (
    <td className="num">
      <span className="forecast-value">{figure(data.value)}</span>
      {data.low !== null && data.high !== null ? (
        <span className="forecast-interval">
          <span className="visually-hidden">{t.followUp.interval} </span>
          {`${figure(data.low)}–${figure(data.high)}`}
        </span>
      ) : null}
    </td>
  );
}

function MonthForm({ planKey, month, months }: { planKey: string; month: string; months: string[] }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(month);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.followUp(planKey, chosen));
  };
  return (
    <form className="period-form" onSubmit={submit}>
      <label htmlFor="follow-up-month">{t.followUp.monthLabel}</label>
      <select id="follow-up-month" value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {[...months].reverse().map((option) => (
          <option key={option} value={option}>
            {formatPeriod(option)}
          </option>
        ))}
      </select>
      <button type="submit">{t.scorecard.show}</button>
    </form>
  );
}

function VolumeForecasts({ data }: { data: ForecastData }) {
  const { t } = useI18n();
  const captionId = 'forecast-volumes-caption';
  if (data.volumes.length === 0) return <p>{t.followUp.noVolumeForecasts(String(data.year))}</p>;
  return (
    <div className="doc-table">
      <ScrollRegion labelledBy={captionId}>
        <table id="forecast-volumes" className="forecast-table">
          <caption id={captionId}>{t.followUp.volumeCaption(String(data.year), formatPeriod(data.asOf))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.followUp.measure}</th>
              <th scope="col" className="num">
                {t.followUp.soFar}
              </th>
              {methods.map((method) => (
                <th key={method} scope="col" className="num">
                  {t.followUp.methods[method]}
                </th>
              ))}
              <th scope="col" className="num">
                {t.followUp.planColumn(String(data.year))}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.volumes.map((volume) => (
              <tr key={`${volume.tableKey}--${volume.rowKey}`} data-measure={volume.measure}>
                <th scope="row" lang="sv">
                  {volume.label}
                  <span className="meta"> ({t.followUp.kinds[volume.kind]})</span>
                </th>
                <td className="num">{figure(volume.forecast.soFar.value)}</td>
                {methods.map((method: Method) => (
                  <MethodCell key={method} data={volume.forecast.methods.find((m) => m.method === method)} />
                ))}
                <td className="num">{volume.plan ? volume.plan.text : <span className="muted">{t.followUp.noValue}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function BudgetForecasts({ data }: { data: ForecastData }) {
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

function Forecasts({ planKey, month }: { planKey: string; month: string }) {
  const { t } = useI18n();
  const resource = useResource((signal) => getForecast(planKey, month, signal), [planKey, month]);
  return (
    <section aria-labelledby="forecasts-heading" className="follow-up-section">
      <h2 id="forecasts-heading">{t.followUp.forecastsHeading(month.slice(0, 4))}</h2>
      {resource.state === 'loading' ? <Loading text={t.followUp.loadingForecasts} /> : null}
      {resource.state === 'failed' ? <LoadError error={resource.error} /> : null}
      {resource.state === 'ready' ? (
        <>
          <p>{t.followUp.forecastsIntro(formatPeriod(month))}</p>
          <h3>{t.followUp.volumesHeading}</h3>
          <VolumeForecasts data={resource.data} />
          <h3>{t.followUp.budgetHeading}</h3>
          <BudgetForecasts data={resource.data} />
        </>
      ) : null}
    </section>
  );
}

function Severity({ severity }: { severity: 'red' | 'yellow' }) {
  const { t } = useI18n();
  return (
    <span className={`status status--${severity}`}>
      <StatusIcon status={severity} />
      <span className="status__text">{t.followUp.severity[severity]}</span>
    </span>
  );
}

function Analyses({ analysis }: { analysis: DeviationData['deviations'][number]['analysis'] }) {
  const { t } = useI18n();
  return (
    <>
      {analysis.current ? (
        <div lang="sv">
          <RichText blocks={parseRich(analysis.current.text)} />
        </div>
      ) : (
        <p className="muted">{t.followUp.noAnalysis}</p>
      )}
      {analysis.earlier.length > 0 ? (
        <div className="earlier-analyses">
          <p className="meta">{t.followUp.earlierAnalyses}</p>
          <ul>
            {analysis.earlier.map((earlier) => (
              <li key={earlier.key}>
                <strong>{formatPeriod(earlier.period)}:</strong>{' '}
                <span lang="sv">
                  <RichText blocks={parseRich(earlier.text)} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function Deviations({ planKey, month }: { planKey: string; month: string }) {
  const { t } = useI18n();
  const resource = useResource((signal) => getDeviations(planKey, month, signal), [planKey, month]);
  const captionId = 'deviations-caption';
  return (
    <section aria-labelledby="deviations-heading" className="follow-up-section">
      <h2 id="deviations-heading">{t.followUp.deviationsHeading(formatPeriod(month))}</h2>
      {resource.state === 'loading' ? <Loading text={t.followUp.loadingDeviations} /> : null}
      {resource.state === 'failed' ? <LoadError error={resource.error} /> : null}
      {resource.state === 'ready' ? (
        <>
          <p>{t.followUp.deviationsIntro(String(resource.data.tolerances.volumePercent), String(resource.data.tolerances.budgetPercent))}</p>
          {resource.data.deviations.length === 0 ? (
            <p>{t.followUp.noDeviations}</p>
          ) : (
            <div className="doc-table">
              <ScrollRegion labelledBy={captionId}>
                <table id="deviations" className="deviation-table">
                  <caption id={captionId}>{t.followUp.deviationsCaption(formatPeriod(month))}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.followUp.deviation}</th>
                      <th scope="col">{t.followUp.severityColumn}</th>
                      <th scope="col" className="num">
                        {t.followUp.planned}
                      </th>
                      <th scope="col" className="num">
                        {t.followUp.actualOrForecast}
                      </th>
                      <th scope="col" className="num">
                        {t.followUp.difference}
                      </th>
                      <th scope="col" className="num">
                        {t.followUp.percent}
                      </th>
                      <th scope="col">{t.followUp.analysis}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {resource.data.deviations.map((deviation, index) => (
                      <tr key={`${deviation.subject}-${deviation.line ?? ''}-${index}`} data-subject={deviation.subject}>
                        <th scope="row">
                          <span lang="sv">{deviation.label}</span>
                          <span className="meta">
                            {' '}
                            ({t.followUp.deviationKinds[deviation.kind]}
                            {deviation.responsible ? (
                              <>
                                , <span lang="sv">{deviation.responsible}</span>
                              </>
                            ) : null}
                            )
                          </span>
                          <span className="explanation" lang="sv">
                            {deviation.explanation}
                          </span>
                        </th>
                        <td>
                          <Severity severity={deviation.severity} />
                          {deviation.favourable === true ? <span className="meta favourable">{t.followUp.favourable}</span> : null}
                        </td>
                        <td className="num">{deviation.planned ?? '–'}</td>
                        <td className="num">{deviation.actual ?? '–'}</td>
                        <td className="num">{deviation.difference ?? '–'}</td>
                        <td className="num">{deviation.percent ? `${deviation.percent} %` : '–'}</td>
                        <td className="prose">
                          <Analyses analysis={deviation.analysis} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

function Chart({ plan, month }: { plan: PlanFile; month: string }) {
  const { t } = useI18n();
  const measures = useMemo(() => chartMeasures(plan, month), [plan, month]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (measures.length === 0) return null;
  const measure = measures.find((m) => m.id === chosen) ?? measures[0]!;
  return (
    <section aria-labelledby="chart-heading" className="follow-up-section">
      <h2 id="chart-heading">{t.followUp.chartHeading(month.slice(0, 4))}</h2>
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
      <VolumeChart key={measure.id} measure={measure} year={month.slice(0, 4)} />
    </section>
  );
}

export function FollowUpPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const resource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.data : null;
  const months = useMemo(() => (plan ? monthsWithActuals(plan) : []), [plan]);
  const asked = search.get('period');
  const month = asked && months.includes(asked) ? asked : (months.at(-1) ?? null);

  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan) {
    return (
      <div className="page">
        <PageHeading title={t.followUp.title} ready={false} />
        <Loading text={t.common.loadingPlan} />
      </div>
    );
  }
  return (
    <div className="page page--follow-up">
      <Breadcrumbs
        crumbs={[
          { label: t.common.start, href: paths.start() },
          { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' },
          { label: t.followUp.title },
        ]}
      />
      <PageHeading title={t.followUp.heading(plan.plan.title)}>
        {t.followUp.title}: <span lang="sv">{plan.plan.title}</span>
      </PageHeading>
      <div className="scorecard-tools">
        {month ? <MonthForm key={month} planKey={plan.plan.key} month={month} months={months} /> : null}
        <p>
          <Link href={paths.scorecard(plan.plan.key)}>{t.followUp.toScorecard}</Link>
          {' · '}
          <Link href={paths.plan(plan.plan.key)}>{t.scorecard.backToPlan}</Link>
        </p>
      </div>
      {month ? (
        <>
          {asked && asked !== month ? <p className="notice">{t.followUp.monthMissing(formatPeriod(asked), formatPeriod(month))}</p> : null}
          <Forecasts planKey={plan.plan.key} month={month} />
          <Chart plan={plan} month={month} />
          <Deviations planKey={plan.plan.key} month={month} />
        </>
      ) : (
        <p>{t.followUp.noMonths}</p>
      )}
    </div>
  );
}
