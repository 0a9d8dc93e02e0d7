/** The indicator's change history: the generic ItemHistory, its fields named as the editor names them. */
import { useI18n } from '../../i18n/index.tsx';
import { ItemHistory } from '../ItemHistory.tsx';

export function History({ planKey, indicatorKey, refresh }: { planKey: string; indicatorKey: string; refresh: number }) {
  const { t } = useI18n();
  return <ItemHistory planKey={planKey} entityType="indicator" entityKey={indicatorKey} refresh={refresh} fieldLabel={(field) => t.editor.historyFields[field] ?? field} />;
}
