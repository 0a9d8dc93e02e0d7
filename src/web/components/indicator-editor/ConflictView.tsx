/** Both versions side by side when someone else saved in between (412); the reader chooses. */
import type { SaveConflict } from '../../use-versioned-save.ts';
import { formatPeriod } from '../../../domain/format.ts';
import type { Indicator } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConflictChoice, type ConflictHandlers } from '../FieldConflict.tsx';

/** One version of the indicator's targets and outcomes, for the conflict view. */
function VersionView({ indicator, other, title, id }: { indicator: Indicator; other: Indicator; title: string; id: string }) {
  const { t } = useI18n();
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const otherTarget = (year: number) => other.targets.find((target) => target.year === year)?.text;
  const otherActual = (period: string) => other.actuals.find((actual) => actual.period === period)?.text;
  return (
    <section className="conflict__version" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <h5>{t.editor.targets}</h5>
      {indicator.targets.length === 0 ? (
        <p className="muted">{t.editor.noTargets}</p>
      ) : (
        <dl className="version-list">
          {indicator.targets.map((target) => (
            <div key={target.year} className={differs(target.text, otherTarget(target.year)) ? 'differs' : undefined}>
              <dt>{target.year}</dt>
              <dd lang="sv">{target.text}</dd>
            </div>
          ))}
        </dl>
      )}
      <h5>{t.editor.actuals}</h5>
      {indicator.actuals.length === 0 ? (
        <p className="muted">{t.editor.noActuals}</p>
      ) : (
        <dl className="version-list">
          {indicator.actuals.map((actual) => (
            <div key={actual.period} className={differs(actual.text, otherActual(actual.period)) ? 'differs' : undefined}>
              <dt>{formatPeriod(actual.period)}</dt>
              <dd lang="sv">{actual.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The saved indicator and mine on top of it (its targets and outcomes as I wrote them). */
export type Conflict = SaveConflict<Indicator>;

interface Props extends ConflictHandlers {
  id: string;
  conflict: Conflict;
}

export function ConflictView({ id, conflict, busy, headingRef, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useI18n();
  return (
    <div className="conflict" role="group" aria-labelledby={`${id}-conflict`}>
      <h4 id={`${id}-conflict`} ref={headingRef} tabIndex={-1} className="conflict__heading">
        {t.editor.conflictHeading}
      </h4>
      <p>{t.editor.conflictText}</p>
      <div className="conflict__versions">
        <VersionView indicator={conflict.mine} other={conflict.theirs} title={t.editor.mine} id={`${id}-mine`} />
        <VersionView indicator={conflict.theirs} other={conflict.mine} title={t.editor.theirs(conflict.version)} id={`${id}-theirs`} />
      </div>
      <ConflictChoice busy={busy} onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} keepLabel={t.editor.keepMine} takeLabel={t.editor.takeTheirs} />
    </div>
  );
}
