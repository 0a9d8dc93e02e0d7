/** The deviations of the month, largest first, with the responsible's analyses of this and earlier periods. */
import { parseRich } from '../../../domain/rich-text-blocks.ts';
import { formatPeriod } from '../../../domain/format.ts';
import { getDeviations, type DeviationData } from '../../follow-up-api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../use-resource.ts';
import { RichText } from '../RichText.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { StatusIcon } from '../StatusLight.tsx';
import { ResourceSection } from './ResourceSection.tsx';

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

export function Deviations({ planKey, month }: { planKey: string; month: string }) {
  const { t } = useI18n();
  const resource = useResource((signal) => getDeviations(planKey, month, signal), [planKey, month]);
  const captionId = 'deviations-caption';
  return (
    <ResourceSection id="deviations-heading" heading={t.followUp.deviationsHeading(formatPeriod(month))} loadingText={t.followUp.loadingDeviations} resource={resource}>
      {(data) => (
        <>
          <p>{t.followUp.deviationsIntro(String(data.tolerances.volumePercent), String(data.tolerances.budgetPercent))}</p>
          {data.deviations.length === 0 ? (
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
                    {data.deviations.map((deviation, index) => (
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
      )}
    </ResourceSection>
  );
}
