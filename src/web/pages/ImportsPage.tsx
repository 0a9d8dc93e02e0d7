/**
 * "Importera utfall" (issue 14, point 6): a redaktör imports volume and indicator actuals, an
 * ekonom a ledger through a mapping. The file is previewed first (a dry run: the table per unit
 * and month, the codes without a mapping with their sums, the cells that change), sent with a
 * progress bar, then imported on confirmation; the history lists the plan's imports, each
 * undoable as a whole. The server checks and reports every fault; on an error nothing is saved.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, getPlan, type PlanFile } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { ImportHistory } from '../components/imports/ImportHistory.tsx';
import { ImportPreview } from '../components/imports/ImportPreview.tsx';
import { Loading } from '../components/LoadState.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { importUrl, listMappings, uploadImport, type ImportKind, type ImportOutcomeBody, type MappingSummary } from '../imports-api.ts';
import { useI18n, type Messages } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { useSession } from '../session.tsx';
import { usePlanPermissions } from '../use-permissions.ts';
import { useResource } from '../use-resource.ts';
import { useFocusOnNewMessage } from '../use-focus-when-shown.ts';
import '../imports.css';

/** The server's message and its report's lines (row, column, value, reason). */
function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [String(error)];
  return [error.message, ...error.problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message))];
}

function outcomeMessage(outcome: ImportOutcomeBody): (t: Messages) => string {
  const id = outcome.import?.id ?? 0;
  if (outcome.status === 'already-imported') return (t) => t.imports.alreadyImported(outcome.fileName, id);
  if (outcome.status === 'unchanged') return (t) => t.imports.unchanged(outcome.fileName);
  return (t) => t.imports.imported(outcome.fileName, id);
}

interface Previewed {
  file: File;
  kind: ImportKind;
  mapping: string;
  outcome: ImportOutcomeBody;
}

function ImportForm({ plan, kinds, onImported }: { plan: PlanFile; kinds: ImportKind[]; onImported: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<ImportKind>(kinds[0]!);
  const [mappings, setMappings] = useState<MappingSummary[] | null>(null);
  const [mapping, setMapping] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnNewMessage(messageRef, message);
  const planKey = plan.plan.key;

  useEffect(() => {
    if (kind !== 'ledger' || mappings !== null) return;
    const controller = new AbortController();
    listMappings(controller.signal)
      .then((list) => {
        const own = list.filter((entry) => entry.municipality === plan.municipality?.code);
        setMappings(own);
        setMapping((current) => current || (own[0]?.key ?? ''));
      })
      .catch(() => setMappings([]));
    return () => controller.abort();
  }, [kind, mappings, plan.municipality?.code]);

  const finish = (next: Message) => {
    setMessage(next);
    setBusy(null);
    setSent(null);
  };

  const send = (dryRun: boolean, chosen: File, chosenKind: ImportKind, chosenMapping: string) =>
    uploadImport(importUrl(chosenKind, planKey, { dryRun, mapping: chosenMapping }), chosen, chosen.name, setSent);

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) return finish({ kind: 'error', text: (t) => t.imports.noFile, problems: [] });
    setBusy('preview');
    setSent(0);
    setPreviewed(null);
    try {
      const outcome = await send(true, file, kind, mapping);
      setPreviewed({ file, kind, mapping, outcome });
      const name = file.name;
      finish(outcome.status === 'already-imported' ? { kind: 'done', text: outcomeMessage(outcome), problems: [] } : { kind: 'done', text: (t) => t.imports.previewReady(name), problems: [] });
    } catch (error) {
      finish({ kind: 'error', text: (t) => t.imports.previewFailed, problems: problemsOf(error) });
    }
  };

  const confirm = async () => {
    if (busy || !previewed) return;
    setBusy('import');
    setSent(0);
    try {
      const outcome = await send(false, previewed.file, previewed.kind, previewed.mapping);
      setPreviewed(null);
      finish({ kind: 'done', text: outcomeMessage(outcome), problems: [] });
      onImported();
    } catch (error) {
      finish({ kind: 'error', text: (t) => t.imports.importFailed, problems: problemsOf(error) });
    }
  };

  const current = previewed !== null && previewed.file === file && previewed.kind === kind && previewed.mapping === mapping;
  const confirmable = current && previewed.outcome.status === 'dry-run' && (previewed.outcome.counts?.written ?? 0) + (previewed.outcome.counts?.emptied ?? 0) + (previewed.outcome.counts?.confirmed ?? 0) > 0;
  return (
    <>
      <form className="import-form" onSubmit={(event) => void preview(event)} noValidate>
        {kinds.length > 1 ? (
          <fieldset className="field">
            <legend>{t.imports.kindLegend}</legend>
            {kinds.map((option) => (
              <label key={option} className="import-form__choice">
                <input type="radio" name={`${id}-kind`} value={option} checked={kind === option} onChange={() => setKind(option)} />{' '}
                {option === 'ledger' ? t.imports.kindLedger : t.imports.kindActuals}
              </label>
            ))}
          </fieldset>
        ) : null}
        {kind === 'ledger' ? (
          <div className="field">
            <label htmlFor={`${id}-mapping`}>{t.imports.mappingLabel}</label>
            {mappings !== null && mappings.length === 0 ? <p className="field__help">{t.imports.noMappings}</p> : null}
            <select id={`${id}-mapping`} value={mapping} onChange={(event) => setMapping(event.target.value)}>
              {(mappings ?? []).map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {entry.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-file`}>{t.imports.fileLabel}</label>
          <p id={`${id}-file-help`} className="field__help">
            {t.imports.fileHelp}
          </p>
          <input id={`${id}-file`} type="file" accept=".csv,.txt,.xlsx,.se,.si,.sie" aria-describedby={`${id}-file-help`} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy !== null || undefined}>
            {busy === 'preview' ? t.imports.previewing : t.imports.preview}
          </button>
          {confirmable ? (
            <button type="button" className="button button--secondary" aria-disabled={busy !== null || undefined} onClick={() => void confirm()}>
              {busy === 'import' ? t.imports.importing : t.imports.confirm}
            </button>
          ) : null}
        </div>
        {sent !== null ? (
          <p className="import-form__progress">
            <label htmlFor={`${id}-progress`}>{t.imports.progressLabel}</label>{' '}
            <progress id={`${id}-progress`} max={100} value={Math.round(sent * 100)}>
              {Math.round(sent * 100)} %
            </progress>
          </p>
        ) : null}
      </form>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {previewed && current ? <ImportPreview outcome={previewed.outcome} /> : null}
    </>
  );
}

export function ImportsPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const resource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.data : null;
  const permissions = usePlanPermissions(plan);
  const [generation, setGeneration] = useState(0);
  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan) {
    return (
      <div className="page">
        <PageHeading title={t.imports.title} ready={false} />
        <Loading text={t.imports.loading} />
      </div>
    );
  }
  const kinds: ImportKind[] = [...(permissions.content ? (['actuals'] as const) : []), ...(permissions.economy ? (['ledger'] as const) : [])];
  return (
    <div className="page page--imports">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: t.imports.crumb }]} />
      <PageHeading title={`${t.imports.title}: ${plan.plan.title}`}>
        {t.imports.title}: <span lang="sv">{plan.plan.title}</span>
      </PageHeading>
      <p>{t.imports.intro}</p>
      {kinds.length > 0 ? (
        <ImportForm plan={plan} kinds={kinds} onImported={() => setGeneration((n) => n + 1)} />
      ) : (
        <div className="notice">
          <p>{t.imports.notAllowed}</p>
          {!user ? (
            <p>
              <Link href={paths.login(paths.imports(planKey))}>{t.imports.logIn}</Link>
            </p>
          ) : null}
        </div>
      )}
      {user ? <ImportHistory planKey={planKey} generation={generation} mayUndo={(kind) => (kind === 'ledger' ? permissions.economy : permissions.content)} /> : null}
      <p>
        <Link href={paths.plan(planKey)}>{t.imports.backToPlan}</Link>
      </p>
    </div>
  );
}
