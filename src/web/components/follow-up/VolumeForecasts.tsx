/** Year-end forecasts of every volume measure: so far, each method with its interval, and the plan. */
import { formatPeriod } from '../../../domain/format.ts';
import type { ForecastData } from '../../follow-up-api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { figure, MethodCell, methods, type Method } from './MethodCell.tsx';

export function VolumeForecasts({ data }: { data: ForecastData }) {
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
