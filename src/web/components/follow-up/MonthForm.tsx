/** Choosing the month to follow up, latest first. */
import { useI18n } from '../../i18n/index.tsx';
import { navigate, paths } from '../../router.tsx';
import { PeriodSelectForm } from '../PeriodSelectForm.tsx';

export function MonthForm({ planKey, month, months }: { planKey: string; month: string; months: string[] }) {
  const { t } = useI18n();
  return <PeriodSelectForm id="follow-up-month" label={t.followUp.monthLabel} period={month} options={[...months].reverse()} onGo={(chosen) => navigate(paths.followUp(planKey, chosen))} />;
}
