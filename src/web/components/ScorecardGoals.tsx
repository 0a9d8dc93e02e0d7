/** The scorecard's goals: perspective sections, goals with their status, indicator tables and committee goals beneath. */
import { createContext, Fragment, useContext, useState, type ReactNode } from 'react';
import { parseRich } from '../../documents/rich.ts';
import { breakdownLabel } from '../../domain/breakdown.ts';
import { formatPeriod } from '../../domain/format.ts';
import type { GoalAssessment } from '../../domain/goal-assessment.ts';
import type { Breakdown } from '../../domain/plan.ts';
import { yearOf } from '../../domain/period.ts';
import { useI18n } from '../i18n/index.tsx';
import type { GoalView, IndicatorView, PerspectiveView } from '../scorecard-view.ts';
import { IndicatorHistoryChart } from './insights/IndicatorHistoryChart.tsx';
import { RichText } from './RichText.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { Sparkline } from './Sparkline.tsx';
import { StatusLight } from './StatusLight.tsx';

/** Editing on the scorecard: whether the account may edit, which indicator's editor is open. */
export interface IndicatorEditing {
  canEdit: boolean;
  openKey: string | null;
  toggle(key: string): void;
  editor(key: string): ReactNode;
  /** A goal's assessment editor for the period; its open key is assessmentKey(goal). */
  assessmentEditor?(goalKey: string): ReactNode;
}

/** The open key of a goal's assessment editor (apart from indicator keys), also its button's id. */
export const assessmentKey = (goalKey: string) => `goal:${goalKey}`;

export const IndicatorEditingContext = createContext<IndicatorEditing>({ canEdit: false, openKey: null, toggle: () => undefined, editor: () => null });

/** The id of an indicator's edit button, so focus can return to it when its editor closes. */
export const editButtonId = (key: string) => `edit-${key}`;
const historyId = (key: string) => `history-${key}`;

export function IndicatorTable({ indicators, caption, id, period }: { indicators: IndicatorView[]; caption: string; id: string; period: string }) {
  const { t, language } = useI18n();
  const editing = useContext(IndicatorEditingContext);
  const year = String(yearOf(period));
  const open = editing.openKey !== null && indicators.some((view) => view.indicator.key === editing.openKey) ? editing.openKey : null;
  // Indicators whose history (historik) is unfolded beneath their row.
  const [history, setHistory] = useState<ReadonlySet<string>>(new Set());
  const toggleHistory = (key: string) =>
    setHistory((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <>
      <div className="doc-table">
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table id={id} className="indicator-table">
            <caption id={`${id}-caption`} className="visually-hidden">
              {caption}
            </caption>
            <colgroup>
              <col className="col-indicator" />
              <col className="col-target" />
              <col className="col-actual" />
              <col className="col-status" />
              <col className="col-trend" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t.scorecard.colIndicator}</th>
                <th scope="col">{t.scorecard.colTarget(year)}</th>
                <th scope="col">{t.scorecard.colActual}</th>
                <th scope="col">{t.scorecard.colStatus}</th>
                <th scope="col">{t.scorecard.colTrend}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map(({ indicator, status, latest, trend, rule, measure, targetLabel }) => (
                <Fragment key={indicator.key}>
                  <tr data-indicator={indicator.key}>
                    <th scope="row" lang="sv">
                      <span className="indicator-number">{indicator.number}</span> {indicator.name}
                      {indicator.appliesTo ? (
                        <span className="meta">
                          {' '}
                          ({indicator.appliesTo})
                        </span>
                      ) : null}
                      {measure ? (
                        <span className="meta indicator-measure" lang={language}>
                          {t.scorecard.measure}: <span lang="sv">{measure.name}</span>
                        </span>
                      ) : null}
                      {editing.canEdit ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            id={editButtonId(indicator.key)}
                            className="edit-button"
                            lang={language}
                            aria-expanded={open === indicator.key}
                            aria-controls={open === indicator.key ? `editor-${indicator.key}` : undefined}
                            aria-label={t.editor.editLabel(`${indicator.number} ${indicator.name}`)}
                            onClick={() => editing.toggle(indicator.key)}
                          >
                            {t.editor.edit}
                          </button>
                        </>
                      ) : null}
                    </th>
                    <td className="target" lang="sv">
                      {status.target !== null ? (
                        <>
                          {targetLabel ? <span className="target-label">{targetLabel} </span> : null}
                          {status.target}
                        </>
                      ) : (
                        <span className="muted">{t.scorecard.noTarget}</span>
                      )}
                    </td>
                    <td>
                      {latest ? (
                        <>
                          <span lang="sv">{latest.text}</span> <span className="meta">({formatPeriod(latest.period)})</span>
                          {latest.breakdown ? <BreakdownList parts={latest.breakdown} /> : null}
                        </>
                      ) : (
                        <span className="muted">{t.scorecard.noActual}</span>
                      )}
                    </td>
                    <td>
                      <StatusLight status={status.status} {...(status.manual ? { suffix: t.scorecard.setByHand } : {})} />
                      <span className="explanation" lang="sv">
                        {status.explanation}
                      </span>
                    </td>
                    <td>
                      <Sparkline points={trend} />
                      <button
                        type="button"
                        className="history-toggle"
                        aria-expanded={history.has(indicator.key)}
                        aria-controls={history.has(indicator.key) ? historyId(indicator.key) : undefined}
                        aria-label={(history.has(indicator.key) ? t.scorecard.hideHistoryLabel : t.scorecard.historyButtonLabel)(`${indicator.number} ${indicator.name}`)}
                        onClick={() => toggleHistory(indicator.key)}
                      >
                        {history.has(indicator.key) ? t.scorecard.hideHistory : t.scorecard.showHistory}
                      </button>
                    </td>
                  </tr>
                  {history.has(indicator.key) ? (
                    <tr className="history-row" data-history={indicator.key}>
                      <td colSpan={5}>
                        <IndicatorHistoryChart indicator={indicator} id={historyId(indicator.key)} {...(rule ? { rule } : {})} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      {open ? (
        <div id={`editor-${open}`} className="editor-slot">
          {editing.editor(open)}
        </div>
      ) : null}
    </>
  );
}

function goalLabel(view: GoalView): string {
  return [view.goal.number, view.goal.text].filter(Boolean).join(' ');
}

/** An outcome's breakdown as the plan gives it: "kvinnor 48, män 68" below the total, which stays as printed. */
function BreakdownList({ parts }: { parts: Breakdown[] }) {
  const { t } = useI18n();
  return (
    <ul className="breakdown" aria-label={t.scorecard.breakdown}>
      {parts.map((part) => (
        <li key={`${part.dimension}:${part.group}`} lang="sv">
          {breakdownLabel(part)} {part.text}
        </li>
      ))}
    </ul>
  );
}

function GoalStatusLine({ view }: { view: GoalView }) {
  const { t } = useI18n();
  const assessment = view.assessment ? <GoalAssessmentLine assessment={view.assessment} /> : null;
  if (!view.status) return assessment ?? <p className="muted">{t.scorecard.noIndicators}</p>;
  return (
    <>
      <p className="goal-status">
        <span className="visually-hidden">{t.scorecard.goalStatus}: </span>
        <StatusLight status={view.status.status} />{' '}
        <span className="explanation" lang="sv">
          {view.status.explanation}
        </span>
      </p>
      {assessment}
    </>
  );
}

/** The goal's assessment in the plan's own words ("Uppfyllt", "Ja", "Målet uppfylls delvis"), why, and the comment kept with it. */
function GoalAssessmentLine({ assessment }: { assessment: GoalAssessment }) {
  const { t } = useI18n();
  return (
    <div className="goal-assessment">
      <p>
        {t.scorecard.assessment}:{' '}
        <strong lang="sv">{assessment.label}</strong>
        {assessment.manual ? <span className="meta"> ({t.scorecard.setByHand})</span> : null}{' '}
        <span className="explanation" lang="sv">
          {assessment.explanation}
        </span>
      </p>
      {assessment.comment ? (
        <div className="goal-assessment__comment" lang="sv">
          <RichText blocks={parseRich(assessment.comment)} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * What the plan says of a goal beyond its wording: its description, the goals above it it
 * contributes to, its status and assessment for the period with the comment, and its analyses
 * for the period.
 */
function GoalFollowUp({ view, top = false }: { view: GoalView; top?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {view.goal.description ? (
        <div className="goal__description" lang="sv">
          <RichText blocks={parseRich(view.goal.description)} />
        </div>
      ) : null}
      {view.contributions ? (
        <p className="meta goal__contributions" lang="sv">
          {view.contributions}
        </p>
      ) : null}
      {/* A goal of its own section says so when nothing below it is followed up; a sub-goal stays quiet. */}
      {view.status || view.assessment || top ? <GoalStatusLine view={view} /> : null}
      <AssessGoal view={view} />
      {view.analyses.map((analysis, index) => (
        <div key={index} className="goal-analysis">
          <p className="goal-analysis__heading">
            {t.scorecard.analysis}
            {analysis.author ? <span className="meta"> ({t.scorecard.writtenBy(analysis.author)})</span> : null}
          </p>
          <div lang="sv">
            <RichText blocks={parseRich(analysis.text)} />
          </div>
        </div>
      ))}
    </>
  );
}

/** "Bedöm målet" and, when open, the goal's assessment editor, where the account may follow up the plan. */
function AssessGoal({ view }: { view: GoalView }) {
  const { t, language } = useI18n();
  const editing = useContext(IndicatorEditingContext);
  if (!editing.canEdit || !editing.assessmentEditor) return null;
  const key = assessmentKey(view.goal.key);
  const open = editing.openKey === key;
  return (
    <>
      <button
        type="button"
        id={editButtonId(key)}
        className="edit-button"
        lang={language}
        aria-expanded={open}
        aria-controls={open ? `editor-${key}` : undefined}
        aria-label={t.scorecard.assessLabel(goalLabel(view))}
        onClick={() => editing.toggle(key)}
      >
        {t.scorecard.assess}
      </button>
      {open ? (
        <div id={`editor-${key}`} className="editor-slot">
          {editing.assessmentEditor(view.goal.key)}
        </div>
      ) : null}
    </>
  );
}

/** "Uppdrag" or "Prioriterat område" before a goal that is one; a plain goal has no mark. */
function GoalKindMark({ view }: { view: GoalView }) {
  const { t } = useI18n();
  const kind = view.goal.kind;
  if (!kind || kind === 'goal') return null;
  return <span className="goal__kind">{t.scorecard.goalKind[kind]}: </span>;
}

function SubGoals({ goals, period, level }: { goals: GoalView[]; period: string; level: number }) {
  const { t } = useI18n();
  const Heading = (level <= 6 ? `h${level}` : 'h6') as 'h4' | 'h5' | 'h6';
  return (
    <div className="subgoals">
      <Heading className="subgoals__heading">{t.scorecard.committeeGoals}</Heading>
      <ul>
        {goals.map((view) => (
          <li key={view.goal.key} className="subgoal" data-goal={view.goal.key}>
            <p className="subgoal__text">
              <GoalKindMark view={view} />
              <span lang="sv">{goalLabel(view)}</span>
            </p>
            {view.goal.measurement ? (
              <p className="meta">
                {t.scorecard.measurement}: <span lang="sv">{view.goal.measurement.text}</span>
              </p>
            ) : null}
            <GoalFollowUp view={view} />
            {view.indicators.length > 0 ? <IndicatorTable indicators={view.indicators} caption={t.scorecard.indicatorsCaption(goalLabel(view))} id={`indicators-${view.goal.key}`} period={period} /> : null}
            {view.subgoals.length > 0 ? <SubGoals goals={view.subgoals} period={period} level={level + 1} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function GoalSection({ view, period }: { view: GoalView; period: string }) {
  const { t } = useI18n();
  const id = `goal-${view.goal.key}`;
  return (
    <section className="goal" aria-labelledby={id} data-goal={view.goal.key}>
      <h3 id={id}>
        <GoalKindMark view={view} />
        <span lang="sv">
          {view.goal.number ? <span className="goal__number">{view.goal.number}</span> : null} {view.goal.text}
        </span>
      </h3>
      <GoalFollowUp view={view} top />
      {view.indicators.length > 0 ? <IndicatorTable indicators={view.indicators} caption={t.scorecard.indicatorsCaption(goalLabel(view))} id={`indicators-${view.goal.key}`} period={period} /> : null}
      {view.subgoals.length > 0 ? <SubGoals goals={view.subgoals} period={period} level={4} /> : null}
    </section>
  );
}

/** `alone`: the plan's only group of goals; goals outside any perspective are then just "Mål", not "Övriga mål". */
export function PerspectiveSection({ perspective, period, alone = false }: { perspective: PerspectiveView; period: string; alone?: boolean }) {
  const { t } = useI18n();
  const id = `perspective-${perspective.number ?? 'other'}`;
  return (
    <section className="perspective" aria-labelledby={id}>
      <h2 id={id}>
        {perspective.number !== null ? <span lang="sv">{perspective.numbered ? t.scorecard.perspective(perspective.number, perspective.name ?? '') : perspective.name}</span> : alone ? t.scorecard.goals : t.scorecard.otherGoals}
      </h2>
      {perspective.goals.map((goal) => (
        <GoalSection key={goal.goal.key} view={goal} period={period} />
      ))}
    </section>
  );
}
