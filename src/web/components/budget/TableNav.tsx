/** Links between a plan's budget tables and investment budgets: node and caption, the current one marked. */
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, paths } from '../../router.tsx';

/** The organisation node's short name, else its name, else its key. */
export function nodeLabel(plan: PlanFile, key: string | undefined): string {
  const node = plan.organisation.find((candidate) => candidate.key === key);
  return node?.shortName ?? node?.name ?? key ?? plan.plan.title;
}

export function TableNav({ plan, current }: { plan: PlanFile; current: string }) {
  const { t } = useI18n();
  const key = plan.plan.key;
  const entries = [
    ...plan.budgetTables.map((table) => ({ key: table.key, href: paths.budget(key, table.key), text: t.budgetEditor.tableLink(table.heading ?? nodeLabel(plan, table.node), table.caption) })),
    ...plan.capitalBudgets.map((budget) => ({ key: budget.key, href: paths.capitalBudget(key, budget.key), text: t.budgetEditor.tableLink(nodeLabel(plan, budget.node), budget.caption) })),
  ];
  return (
    <nav className="budget-nav" aria-labelledby="budget-nav-heading">
      <h2 id="budget-nav-heading" className="budget-nav__heading">
        {t.budgetEditor.otherTables}
      </h2>
      <ul className="budget-nav__list">
        {entries.map((entry) => (
          <li key={entry.key}>
            {entry.key === current ? (
              <span aria-current="page" lang="sv">
                {entry.text} <span className="muted">{t.budgetEditor.current}</span>
              </span>
            ) : (
              <Link href={entry.href} lang="sv">
                {entry.text}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
