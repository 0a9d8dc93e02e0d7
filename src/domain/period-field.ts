/**
 * The zod schemas of period fields, for the plan file and the API's query strings and bodies. Kept
 * apart from period.ts, whose rules the browser imports without pulling zod into its bundle.
 */
import { z } from 'zod';
import { MONTH_MESSAGE, MONTH_PATTERN, PERIOD_MESSAGE, PERIOD_PATTERN, YEAR_RANGE_MESSAGE, YEAR_RANGE_PATTERN } from './period.ts';

/** A period of any kind: 'YYYY', 'YYYY-H1', 'YYYY-T2', 'YYYY-Q3' or 'YYYY-MM'. */
export const PeriodField = z.string().regex(PERIOD_PATTERN, PERIOD_MESSAGE);

/** A month 'YYYY-MM', e.g. the month a forecast was made. */
export const MonthField = z.string().regex(MONTH_PATTERN, MONTH_MESSAGE);

/** A plan's period of years 'YYYY-YYYY' (the rollover's target period). */
export const YearRangeField = z.string().regex(YEAR_RANGE_PATTERN, YEAR_RANGE_MESSAGE);
