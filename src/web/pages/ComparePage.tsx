/**
 * Two plans compared (/jamfor?a=…&b=…): goal wordings side by side (changed, added, removed),
 * indicators added and removed and their target changes, and the volume and budget rows that
 * changed, were added or removed.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { formatPeriod } from '../../domain/format.ts';
import { listPlans, type PlanSummary } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LoadError, Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { getComparison, type CompareData } from '../follow-up-api.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate, paths, useLocation } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import '../follow-up.css';

type ValueChange = CompareData['volumes']['changed'][number]['values'][number];
type FieldChange = CompareData['goals']['changed'][number]['fields'][number];
type OneSided = CompareData['indicators']['added'][number];

function PlanChoice({ plans, a, b }: { plans: PlanSummary[]; a: string; b: string }) {
  const { t } = useI18n();
  const [chosenA, setChosenA] = useState(a);
  const [chosenB, setChosenB] = useState(b);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.compare(chosenA, chosenB));
  };
  const options = (
    <>
      <option value="">{t.compare.choose}</option>
      {plans.map((plan) => (
        <option key={plan.key} value={plan.key} lang="sv">
          {plan.title}
        </option>
      ))}
    </>
  );
  return (
    <form className="compare-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="compare-a">{t.compare.planA}</label>
        <select id="compare-a" value={chosenA} onChange={(event) => setChosenA(event.target.value)}>
          {options}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-b">{t.compare.planB}</label>
        <select id="compare-b" value={chosenB} onChange={(event) => setChosenB(event.target.value)}>
          {options}
        </select>
      </div>
      <button type="submit" className="button">
        {t.compare.submit}
      </button>
    </form>
  );
}

function Text({ value }: { value: string | null }) {
  const { t } = useI18n();
  return value === null || value === '' ? <span className="muted">{t.compare.none}</span> : <span lang="sv">{value}</span>;
}

function ChangeTable({ id, caption, before, after, children, first }: { id: string; caption: string; before: string; after: string; first: string; children: ReactNode }) {
  return (
    <div className="doc-table">
      <ScrollRegion labelledBy={`${id}-caption`}>
        <table id={id} className="compare-table">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              <th scope="col">{before}</th>
              <th scope="col">{after}</th>
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function ChangeMark({ kind }: { kind: 'changed' | 'added' | 'removed' }) {
  const { t } = useI18n();
  return <span className={`change-mark change-mark--${kind}`}>{t.compare.marks[kind]}</span>;
}

/** A field or value both plans have, worded differently: before and after. */
/** What a change is about, after the item's name: " (Målvärde 2021)". */
function Meta({ children, lang }: { children: ReactNode; lang?: string }) {
  return (
    <>
      {' '}
      <span className="meta" lang={lang}>
        ({children})
      </span>
    </>
  );
}

function ChangedRow({ name, detail, before, after, cellClass, goal }: { name: ReactNode; detail: ReactNode; before: string | null; after: string | null; cellClass: string; goal?: string }) {
  return (
    <tr data-goal={goal}>
      <th scope="row">
        {name} <ChangeMark kind="changed" />
        {detail}
      </th>
      <td className={cellClass}>
        <Text value={before} />
      </td>
      <td className={cellClass}>
        <Text value={after} />
      </td>
    </tr>
  );
}

/** A row only one plan has: added (nothing before) or removed (nothing after). */
function OneSidedRow({ kind, name, value, cellClass, goal }: { kind: 'added' | 'removed'; name: ReactNode; value: ReactNode; cellClass?: string; goal?: string }) {
  const { t } = useI18n();
  const none = <span className="muted">{t.compare.none}</span>;
  return (
    <tr data-goal={goal}>
      <th scope="row">
        {name} <ChangeMark kind={kind} />
      </th>
      <td className={cellClass}>{kind === 'added' ? none : value}</td>
      <td className={cellClass}>{kind === 'added' ? value : none}</td>
    </tr>
  );
}

function Goals({ diff }: { diff: CompareData }) {
  const { t } = useI18n();
  const { goals } = diff;
  const rows = goals.changed.length + goals.added.length + goals.removed.length;
  const name = (goal: { number: string | null; level: string }) => (goal.number ? t.scorecard.goal(goal.number) : t.compare.goalLevel[goal.level as keyof typeof t.compare.goalLevel] ?? t.scorecard.goal(null));
  return (
    <section aria-labelledby="compare-goals" className="follow-up-section">
      <h2 id="compare-goals">{t.compare.goals}</h2>
      <p>{t.compare.summary(goals.changed.length, goals.added.length, goals.removed.length, goals.unchanged)}</p>
      {rows > 0 ? (
        <ChangeTable id="compare-goals-table" caption={t.compare.goalsCaption} first={t.compare.goal} before={t.compare.before} after={t.compare.after}>
          {goals.changed.flatMap((goal) =>
            goal.fields.map((field: FieldChange) => (
              <ChangedRow
                key={`${goal.key}-${field.field}`}
                goal={goal.key}
                name={name(goal)}
                detail={field.field !== 'text' ? <Meta>{field.label}</Meta> : null}
                before={field.before}
                after={field.after}
                cellClass="prose"
              />
            )),
          )}
          {goals.added.map((goal) => (
            <OneSidedRow key={goal.key} goal={goal.key} kind="added" name={name(goal)} value={<Text value={goal.text} />} cellClass="prose" />
          ))}
          {goals.removed.map((goal) => (
            <OneSidedRow key={goal.key} goal={goal.key} kind="removed" name={name(goal)} value={<Text value={goal.text} />} cellClass="prose" />
          ))}
        </ChangeTable>
      ) : null}
    </section>
  );
}

function targetsText(targets: Array<{ year: number; text: string }>): string {
  return targets.map((target) => `${target.year}: ${target.text}`).join('; ');
}

function Indicators({ diff }: { diff: CompareData }) {
  const { t } = useI18n();
  const { indicators } = diff;
  const rows = indicators.changed.length + indicators.added.length + indicators.removed.length;
  const indicatorName = (indicator: OneSided) => (
    <span lang="sv">
      {indicator.number} {indicator.name}
    </span>
  );
  const targetsCell = (indicator: OneSided) =>
    indicator.targets.length > 0 ? <span>{t.compare.targets(targetsText(indicator.targets))}</span> : <span className="muted">{t.compare.noTargets}</span>;
  return (
    <section aria-labelledby="compare-indicators" className="follow-up-section">
      <h2 id="compare-indicators">{t.compare.indicators}</h2>
      <p>{t.compare.summary(indicators.changed.length, indicators.added.length, indicators.removed.length, indicators.unchanged)}</p>
      {rows > 0 ? (
        <ChangeTable id="compare-indicators-table" caption={t.compare.indicatorsCaption} first={t.compare.indicator} before={t.compare.before} after={t.compare.after}>
          {indicators.changed.flatMap((indicator) => [
            ...indicator.fields.map((field) => (
              <ChangedRow
                key={`${indicator.key}-${field.field}`}
                name={indicatorName(indicator)}
                detail={<Meta>{field.label}</Meta>}
                before={field.before}
                after={field.after}
                cellClass="prose"
              />
            )),
            ...indicator.targetChanges.map((change) => (
              <ChangedRow
                key={`${indicator.key}-target-${change.year}`}
                name={indicatorName(indicator)}
                detail={<Meta>{t.compare.target(change.year)}</Meta>}
                before={change.before}
                after={change.after}
                cellClass="prose"
              />
            )),
          ])}
          {indicators.added.map((indicator) => (
            <OneSidedRow key={indicator.key} kind="added" name={indicatorName(indicator)} value={targetsCell(indicator)} cellClass="prose" />
          ))}
          {indicators.removed.map((indicator) => (
            <OneSidedRow key={indicator.key} kind="removed" name={indicatorName(indicator)} value={targetsCell(indicator)} cellClass="prose" />
          ))}
        </ChangeTable>
      ) : null}
    </section>
  );
}

function valueName(value: ValueChange): string {
  const period = formatPeriod(value.period);
  return value.beforeLabel === value.afterLabel ? value.afterLabel : `${value.beforeLabel} / ${value.afterLabel} (${period})`;
}

/** Volume or budget rows: changed fields and values, added and removed rows. */
function Rows({
  id,
  heading,
  caption,
  first,
  changes,
}: {
  id: string;
  heading: string;
  caption: string;
  first: string;
  changes: {
    added: Array<{ key: string; label: string }>;
    removed: Array<{ key: string; label: string }>;
    changed: Array<{ key: string; label: string; fields: FieldChange[]; values: ValueChange[] }>;
    unchanged: number;
  };
}) {
  const { t } = useI18n();
  const rows = changes.changed.length + changes.added.length + changes.removed.length;
  return (
    <section aria-labelledby={id} className="follow-up-section">
      <h2 id={id}>{heading}</h2>
      <p>{t.compare.summary(changes.changed.length, changes.added.length, changes.removed.length, changes.unchanged)}</p>
      {rows > 0 ? (
        <ChangeTable id={`${id}-table`} caption={caption} first={first} before={t.compare.before} after={t.compare.after}>
          {changes.changed.flatMap((row) => [
            ...row.fields.map((field) => (
              <ChangedRow
                key={`${row.key}-${field.field}`}
                name={<span lang="sv">{row.label}</span>}
                detail={<Meta>{field.label}</Meta>}
                before={field.before}
                after={field.after}
                cellClass="prose"
              />
            )),
            ...row.values.map((value, index) => (
              <ChangedRow
                key={`${row.key}-value-${index}`}
                name={<span lang="sv">{row.label}</span>}
                detail={<Meta lang="sv">{valueName(value)}</Meta>}
                before={value.before}
                after={value.after}
                cellClass="num"
              />
            )),
          ])}
          {changes.added.map((row, index) => (
            <OneSidedRow key={`added-${row.key}-${index}`} kind="added" name={<span lang="sv">{row.label}</span>} value={t.compare.addedRow} />
          ))}
          {changes.removed.map((row, index) => (
            <OneSidedRow key={`removed-${row.key}-${index}`} kind="removed" name={<span lang="sv">{row.label}</span>} value={t.compare.removedRow} />
          ))}
        </ChangeTable>
      ) : null}
    </section>
  );
}

function Comparison({ a, b }: { a: string; b: string }) {
  const { t } = useI18n();
  const resource = useResource((signal) => getComparison(a, b, signal), [a, b]);
  if (resource.state === 'loading') return <Loading text={t.compare.loading} />;
  if (resource.state === 'failed') return <LoadError error={resource.error} notFoundText={t.compare.missing} />;
  const diff = resource.data;
  const budgetKey = (row: { node: string | null; tableKind: string; line: string; label: string }) => `${row.node}-${row.tableKind}-${row.line}-${row.label}`;
  const budgetLabel = (row: { nodeName: string; label: string }) => (row.label.startsWith(row.nodeName) ? row.label : `${row.nodeName}: ${row.label}`);
  return (
    <>
      <p className="compare-plans">
        {t.compare.fromTo}{' '}
        <span lang="sv">
          {diff.from.title} ({diff.from.period})
        </span>{' '}
        → <span lang="sv">
          {diff.to.title} ({diff.to.period})
        </span>
      </p>
      <Goals diff={diff} />
      <Indicators diff={diff} />
      <Rows
        id="compare-volumes"
        heading={t.compare.volumes}
        caption={t.compare.volumesCaption}
        first={t.compare.volumeRow}
        changes={{
          added: diff.volumes.added.map((row) => ({ key: row.measure, label: row.label })),
          removed: diff.volumes.removed.map((row) => ({ key: row.measure, label: row.label })),
          changed: diff.volumes.changed.map((row) => ({ key: row.measure, label: row.label, fields: row.fields, values: row.values })),
          unchanged: diff.volumes.unchanged,
        }}
      />
      <Rows
        id="compare-budgets"
        heading={t.compare.budgets}
        caption={t.compare.budgetsCaption}
        first={t.compare.budgetRow}
        changes={{
          added: diff.budgets.added.map((row) => ({ key: budgetKey(row), label: budgetLabel(row) })),
          removed: diff.budgets.removed.map((row) => ({ key: budgetKey(row), label: budgetLabel(row) })),
          changed: diff.budgets.changed.map((row) => ({ key: budgetKey(row), label: budgetLabel(row), fields: row.fields, values: row.values })),
          unchanged: diff.budgets.unchanged,
        }}
      />
    </>
  );
}

export function ComparePage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const plans = useResource((signal) => listPlans(signal), []);
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  return (
    <div className="page page--compare">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: t.compare.title }]} />
      <PageHeading title={t.compare.title} ready={plans.state !== 'loading'} />
      <p>{t.compare.intro}</p>
      {plans.state === 'loading' ? <Loading text={t.compare.loadingPlans} /> : null}
      {plans.state === 'failed' ? <LoadError error={plans.error} /> : null}
      {plans.state === 'ready' ? <PlanChoice key={`choice-${a}|${b}`} plans={plans.data} a={a} b={b} /> : null}
      {a && b ? a === b ? <p>{t.compare.same}</p> : <Comparison key={`comparison-${a}|${b}`} a={a} b={b} /> : <p>{t.compare.chooseTwo}</p>}
    </div>
  );
}
