/**
 * The mark on a cell a reconciliation finding concerns: an icon and a word (never colour alone),
 * with the whole finding in words for screen readers; the cell's input points to it with
 * aria-describedby.
 */
import { formatAmount } from '../../../domain/format.ts';
import type { Finding } from '../../../domain/reconcile.ts';
import { useI18n } from '../../i18n/index.tsx';

const ICONS = { gap: '⚠', rounding: '≈', info: 'ℹ', ok: '✓' } as const;

/** The short words of a finding for its cell: "Avvikelse 202 tkr", "Avrundning 1 tkr", "Notering". */
export function useMarkerText() {
  const { t } = useI18n();
  return (finding: Finding, unit: string) => {
    // In the table's own precision: "30,0 mnkr", as the finding's texts print it.
    const size = finding.difference ? formatAmount(finding.difference.abs(), finding.decimals === null ? { unit } : { unit, decimals: finding.decimals }) : '';
    if (finding.severity === 'gap') return t.budgetEditor.markerGap(size);
    if (finding.severity === 'rounding') return t.budgetEditor.markerRounding(size);
    return t.budgetEditor.markerInfo;
  };
}

/** The amount in a marker's words kept on one line ("5 135 tkr" never breaks). */
function Words({ text }: { text: string }) {
  const [word, ...rest] = text.split(' ');
  return rest.length ? (
    <>
      {word} <span className="nowrap">{rest.join(' ')}</span>
    </>
  ) : (
    <>{text}</>
  );
}

export function FindingMarker({ id, findings, unit }: { id: string; findings: Finding[]; unit: string }) {
  const text = useMarkerText();
  return (
    <span id={id} className="finding-markers">
      {findings.map((finding, i) => (
        <span key={i} className={`finding-marker finding-marker--${finding.severity}`} data-finding={finding.severity}>
          <span aria-hidden="true" className="finding-marker__icon">
            {ICONS[finding.severity]}
          </span>{' '}
          <Words text={text(finding, unit)} />
          <span className="visually-hidden" lang="sv">
            {`: ${finding.message}.`}
          </span>
        </span>
      ))}
    </span>
  );
}

export { ICONS as findingIcons };
