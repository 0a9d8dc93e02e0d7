/**
 * Rolling a plan over into a new period (överföring): choose the period (default the next one)
 * and optionally the new key, preview what carries over and what stays, then create the draft.
 * The server checks and answers every step in Swedish; on an error nothing is created.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { parseYearRange } from '../../domain/period.ts';
import { rolloverKey, rolloverPlan } from '../../domain/rollover.ts';
import { ApiError, getPlan, type PlanFile } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Loading } from '../components/LoadState.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { RolloverPreviewView } from '../components/insights/RolloverPreview.tsx';
import { createRollover, normalisePeriod, planExists, previewRollover, type RolloverInput, type RolloverPreview } from '../components/insights/rollover-api.ts';
import { useI18n, type Messages } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { useSession } from '../session.tsx';
import { usePlanPermissions } from '../use-permissions.ts';
import { useResource } from '../use-resource.ts';
import { useFocusOnNewMessage } from '../use-focus-when-shown.ts';
import '../insights.css';

/** The period after the plan's, as "2021–2023". */
function nextPeriod(plan: PlanFile): string {
  return `${plan.plan.periodStart + 1}–${plan.plan.periodEnd + 1}`;
}

/** The server's problems (or its message) as lines for the live message. */
function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [String(error)];
  const problems = error.problems.map((problem) => problem.message);
  return [error.message, ...problems.filter((problem) => problem !== error.message)];
}

interface Previewed {
  input: RolloverInput;
  preview: RolloverPreview;
  next: PlanFile;
  taken: boolean;
}

function RolloverForm({ plan }: { plan: PlanFile }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(nextPeriod(plan));
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [created, setCreated] = useState<{ key: string; title: string } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnNewMessage(messageRef, message);
  const input: RolloverInput = { to: normalisePeriod(period), ...(key.trim() ? { key: key.trim() } : {}) };
  const current = previewed !== null && previewed.input.to === input.to && previewed.input.key === input.key;
  const defaultKey = useMemo(() => {
    const span = { start: plan.plan.periodStart, end: plan.plan.periodEnd };
    return rolloverKey(plan.plan.key, span, parseYearRange(input.to) ?? { start: span.start + 1, end: span.end + 1 });
  }, [input.to, plan]);

  const finish = (next: Message | null) => {
    setMessage(next);
    setBusy(false);
  };

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setCreated(null);
    try {
      const answer = await previewRollover(plan.plan.key, input);
      const [start, end] = input.to.split('-').map(Number) as [number, number];
      const next = rolloverPlan(plan, { periodStart: start, periodEnd: end, key: answer.to }).plan;
      const taken = await planExists(answer.to).catch(() => false);
      setPreviewed({ input, preview: answer, next, taken });
      const key = answer.to;
      finish(taken ? { kind: 'error', text: (t: Messages) => t.rollover.keyTaken(key), problems: [] } : { kind: 'done', text: (t: Messages) => t.rollover.previewReady(key), problems: [] });
    } catch (error) {
      setPreviewed(null);
      finish({ kind: 'error', text: (t: Messages) => t.rollover.previewFailed, problems: problemsOf(error) });
    }
  };

  const create = async () => {
    if (busy || !previewed || !current) return;
    setBusy(true);
    try {
      const answer = await createRollover(plan.plan.key, previewed.input);
      setCreated({ key: answer.to, title: previewed.next.plan.title });
      const key = answer.to;
      finish({ kind: 'done', text: (t: Messages) => t.rollover.created(key), problems: [] });
    } catch (error) {
      const taken = error instanceof ApiError && error.status === 409 ? previewed.preview.to : null;
      finish({ kind: 'error', text: (t: Messages) => (taken ? `${t.rollover.createFailed} ${t.rollover.keyTaken(taken)}` : t.rollover.createFailed), problems: problemsOf(error) });
    }
  };

  return (
    <>
      <form className="rollover-form" onSubmit={(event) => void preview(event)} noValidate>
        <div className="field">
          <label htmlFor="rollover-period">{t.rollover.periodLabel}</label>
          <p id="rollover-period-help" className="field__help">
            {t.rollover.periodHelp(nextPeriod(plan))}
          </p>
          <input id="rollover-period" aria-describedby="rollover-period-help" value={period} onChange={(event) => setPeriod(event.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="rollover-key">{t.rollover.keyLabel}</label>
          <p id="rollover-key-help" className="field__help">
            {t.rollover.keyHelp(defaultKey)}
          </p>
          <input id="rollover-key" aria-describedby="rollover-key-help" value={key} onChange={(event) => setKey(event.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy && !current ? t.rollover.previewing : t.rollover.preview}
          </button>
          {previewed && current && !previewed.taken && !created ? (
            <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void create()}>
              {busy ? t.rollover.creating : t.rollover.create}
            </button>
          ) : null}
        </div>
        {previewed && !current ? <p className="field__help">{t.rollover.notAgain}</p> : null}
      </form>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {created ? (
        <p className="rollover-created">
          <Link className="button-link" href={paths.plan(created.key)}>
            {t.rollover.openNew(created.title)}
          </Link>
        </p>
      ) : null}
      {previewed ? <RolloverPreviewView preview={previewed.preview} source={plan} next={previewed.next} /> : null}
    </>
  );
}

export function RolloverPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const resource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.data : null;
  const permissions = usePlanPermissions(plan);
  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan) {
    return (
      <div className="page">
        <PageHeading title={t.rollover.title} ready={false} />
        <Loading text={t.rollover.loading} />
      </div>
    );
  }
  return (
    <div className="page page--rollover">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: t.rollover.crumb }]} />
      <PageHeading title={`${t.rollover.title}: ${plan.plan.title}`}>
        {t.rollover.title}: <span lang="sv">{plan.plan.title}</span>
      </PageHeading>
      <p>{t.rollover.intro}</p>
      {permissions.createPlan ? (
        <RolloverForm plan={plan} />
      ) : (
        <div className="notice">
          <p>{t.rollover.notAllowed}</p>
          {!user ? (
            <p>
              <Link href={paths.login(paths.rollover(planKey))}>{t.rollover.logIn}</Link>
            </p>
          ) : null}
        </div>
      )}
      <p>
        <Link href={paths.plan(planKey)}>{t.rollover.backToPlan}</Link>
      </p>
    </div>
  );
}
