/**
 * The ways into editing a plan, for those who may: its content parts (goals, strategies, service
 * declarations, outlooks), its activities, each budget and investment budget, and rolling it over
 * into a new period. The server decides every write; this only leaves out what the role cannot do.
 */
import type { PlanFile } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { contentParts, Link, paths, type ContentPartSegment } from '../router.tsx';
import { mayChangeFollowUp } from '../../domain/plan-lifecycle.ts';
import { mayEditItem } from '../permissions.ts';
import { useSession } from '../session.tsx';
import { usePlanPermissions } from '../use-permissions.ts';

/** A node's short name as the plan prints it, so six "Resultaträkning, tkr" links can be told apart. */
function nodeName(plan: PlanFile, key: string): string {
  const node = plan.organisation.find((candidate) => candidate.key === key);
  return node?.shortName ?? node?.name ?? key;
}

export function PlanEditLinks({ plan }: { plan: PlanFile }) {
  const { t } = useI18n();
  const { user } = useSession();
  const permissions = usePlanPermissions(plan);
  const key = plan.plan.key;
  const open = mayChangeFollowUp(plan.plan.status);
  const content = permissions.content && open;
  // A budget table is checked against its own node, as the server does (domain/item-ownership.ts).
  const mayEditTable = (table: { node?: string }) => open && mayEditItem(user ?? null, plan, 'economy', table);
  const budgets = plan.budgetTables.filter(mayEditTable);
  const capitalBudgets = plan.capitalBudgets.filter(mayEditTable);
  const economy = budgets.length + capitalBudgets.length > 0;
  const rollover = permissions.createPlan;
  // Actuals come in as follow-up: volumes and indicators for content editors, the ledger for the economy.
  const imports = open && (permissions.content || permissions.economy);
  if (!content && !economy && !rollover && !imports) return null;
  return (
    <nav className="plan-tools plan-edit-links" aria-labelledby="plan-edit-heading">
      <h2 id="plan-edit-heading" className="plan-tools__heading">
        {t.planEdit.heading}
      </h2>
      <ul className="plan-edit-links__list">
        {content
          ? (Object.keys(contentParts) as ContentPartSegment[]).map((segment) => (
              <li key={segment}>
                <Link href={paths.contentEditor(key, contentParts[segment])}>{t.planEdit.parts[contentParts[segment]]}</Link>
              </li>
            ))
          : null}
        {content ? (
          <li>
            <Link href={paths.activities(key)}>{t.planEdit.activities}</Link>
          </li>
        ) : null}
        {economy
          ? budgets.map((table) => (
              <li key={`budget-${table.key}`}>
                <Link href={paths.budget(key, table.key)} lang="sv">
                  {t.planEdit.budget(`${table.heading ?? (table.node ? nodeName(plan, table.node) : table.caption)}: ${table.caption}`)}
                </Link>
              </li>
            ))
          : null}
        {economy
          ? capitalBudgets.map((table) => (
              <li key={`capital-${table.key}`}>
                <Link href={paths.capitalBudget(key, table.key)} lang="sv">
                  {t.planEdit.capitalBudget(table.caption)}
                </Link>
              </li>
            ))
          : null}
        {rollover ? (
          <li>
            <Link href={paths.rollover(key)}>{t.planEdit.rollover}</Link>
          </li>
        ) : null}
        {imports ? (
          <li>
            <Link href={paths.imports(key)}>{t.planEdit.importActuals}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
