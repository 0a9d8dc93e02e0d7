/** The forecasts section of the follow-up: volume measures and budget lines, read for the month. */
import { formatPeriod, yearOf } from '../../../domain/period.ts';
import { getForecast } from '../../follow-up-api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../use-resource.ts';
import { BudgetForecasts } from './BudgetForecasts.tsx';
import { ResourceSection } from './ResourceSection.tsx';
import { VolumeForecasts } from './VolumeForecasts.tsx';

export function Forecasts({ planKey, month }: { planKey: string; month: string }) {
  const { t } = useI18n();
  const resource = useResource((signal) => getForecast(planKey, month, signal), [planKey, month]);
  return (
    <ResourceSection id="forecasts-heading" heading={t.followUp.forecastsHeading(String(yearOf(month)))} loadingText={t.followUp.loadingForecasts} resource={resource}>
      {(data) => (
        <>
          <p>{t.followUp.forecastsIntro(formatPeriod(month))}</p>
          <h3>{t.followUp.volumesHeading}</h3>
          <VolumeForecasts data={data} />
          <h3>{t.followUp.budgetHeading}</h3>
          <BudgetForecasts data={data} />
        </>
      )}
    </ResourceSection>
  );
}
