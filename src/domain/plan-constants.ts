/**
 * Constant lists of the plan model that browser code needs as values. They live apart from the zod
 * schemas in plan.ts so that importing them does not pull zod into the web bundle.
 */

/** The lines of an income statement (resultaträkning), in their printed order. */
export const budgetLines = ['income', 'costs', 'net'] as const;
export type BudgetLine = (typeof budgetLines)[number];

/**
 * What a column of an economic table holds (issue 13): an outcome line (intäkter, kostnader,
 * nettokostnad), a budget, a deviation (avvikelse), a forecast (prognos), an outcome of the
 * table's rows (utfall, redovisat, bokslut), a plan year, or something else ("Förändring").
 */
export const economicMeasures = ['income', 'costs', 'net', 'budget', 'deviation', 'forecast', 'actual', 'plan', 'other'] as const;
export type EconomicMeasure = (typeof economicMeasures)[number];

/** Which figures an income, costs or net column holds: the outcome by default, or a budget, forecast or plan. */
export const economicBases = ['actual', 'budget', 'forecast', 'plan'] as const;
export type EconomicBasis = (typeof economicBases)[number];

/**
 * How a row takes part in its table: a heading (a committee's name above its activities, no
 * figures), a line, a subtotal or total of named rows, or a "varav" part of another row.
 */
export const economicRowKinds = ['heading', 'line', 'subtotal', 'total', 'part'] as const;
export type EconomicRowKind = (typeof economicRowKinds)[number];

/** How the table prints costs: negative (-68 851, net = income + costs) or positive (net cost = costs − income). */
export const costSigns = ['negative', 'positive'] as const;
export type CostSign = (typeof costSigns)[number];

/** Which way a printed deviation is taken: outcome − budget (costs negative) or budget − outcome (costs positive). */
export const deviationOrders = ['outcome-minus-budget', 'budget-minus-outcome'] as const;
export type DeviationOrder = (typeof deviationOrders)[number];

/** Whether a relation runs down the rows (row = f(rows), per column) or across the columns (column = f(columns), per row). */
export const relationAxes = ['rows', 'columns'] as const;
export type RelationAxis = (typeof relationAxes)[number];
