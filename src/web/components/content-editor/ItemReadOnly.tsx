/** An item opened by someone who may not change it: its fields read-only and its change history. */
import type { PlanFile } from '../../api.ts';
import { fieldsOf } from '../../content-editor-fields.ts';
import { partInfo, type Item } from '../../content-editor-model.ts';
import { auditFieldLabel } from '../../content-editor-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ContentPart } from '../../router.tsx';
import { ItemHistory } from '../ItemHistory.tsx';
import { ItemView } from './ItemView.tsx';

export function ItemReadOnly({ plan, part, item, showHistory }: { plan: PlanFile; part: ContentPart; item: Item; showHistory: boolean }) {
  const { t } = useI18n();
  return (
    <div className="item-editor item-editor--read-only" data-editor={item.key}>
      <ItemView fields={fieldsOf(part, plan)} plan={plan} item={item} />
      {showHistory ? <ItemHistory planKey={plan.plan.key} entityType={partInfo[part].entityType} entityKey={item.key} refresh={0} fieldLabel={auditFieldLabel(part, plan, t.contentEditor)} /> : null}
    </div>
  );
}
