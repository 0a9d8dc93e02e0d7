/**
 * The reconciliation findings of one table in words: each gap, rounding and note with its icon and
 * the domain's Swedish sentence, and how many checks agree exactly. The same findings mark their cells.
 */
import type { Finding } from '../../../domain/reconcile.ts';
import type { BudgetFindings } from '../../budget-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { findingIcons } from './FindingMarker.tsx';

function Items({ findings }: { findings: Finding[] }) {
  const { t } = useI18n();
  return (
    <ul className="finding-list">
      {findings.map((finding, i) => (
        <li key={i} className={`finding-list__item finding-list__item--${finding.severity}`} data-finding={finding.severity}>
          <span aria-hidden="true" className="finding-marker__icon">
            {findingIcons[finding.severity]}
          </span>{' '}
          <strong>{t.budgetEditor.severity[finding.severity]}:</strong> <span lang="sv">{finding.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function FindingList({ findings, parentName }: { findings: BudgetFindings; parentName?: string }) {
  const { t } = useI18n();
  const none = findings.own.length === 0 && findings.parent.length === 0;
  return (
    <section className="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t.budgetEditor.findingsHeading}</h2>
      <p>{t.budgetEditor.findingsIntro}</p>
      {none ? <p data-finding="none">{t.budgetEditor.noFindings}</p> : null}
      {findings.own.length > 0 ? <Items findings={findings.own} /> : null}
      {findings.parent.length > 0 && parentName ? (
        <>
          <h3>{t.budgetEditor.parentFindings(parentName)}</h3>
          <Items findings={findings.parent} />
        </>
      ) : null}
      {findings.confirmed > 0 ? <p className="muted">{t.budgetEditor.confirmed(findings.confirmed)}</p> : null}
    </section>
  );
}
