/** A forecast method's value with its interval, in a forecast table; and forecast figures the Swedish way. */
import { Decimal } from 'decimal.js';
import { formatAmount } from '../../../domain/format.ts';
import type { ForecastData } from '../../follow-up-api.ts';
import { useI18n } from '../../i18n/index.tsx';

export const methods = ['run-rate', 'seasonal', 'trend', 'latest'] as const;
export type Method = (typeof methods)[number];
type MethodData = ForecastData['volumes'][number]['forecast']['methods'][number];

/** A forecast figure the Swedish way: whole numbers for large values, one or two decimals for small ones. */
export function figure(value: string | null): string {
  if (value === null) return formatAmount(null);
  const decimal = new Decimal(value);
  const decimals = decimal.abs().greaterThanOrEqualTo(100) ? 0 : decimal.abs().greaterThanOrEqualTo(10) ? 1 : 2;
  return formatAmount(decimal.toDecimalPlaces(decimals), {});
}

export function MethodCell({ data }: { data: MethodData | undefined }) {
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
