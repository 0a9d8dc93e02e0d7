/**
 * Constant lists of the plan model that browser code needs as values. They live apart from the zod
 * schemas in plan.ts so that importing them does not pull zod into the web bundle.
 */

/** The lines of an income statement (resultaträkning), in their printed order. */
export const budgetLines = ['income', 'costs', 'net'] as const;
