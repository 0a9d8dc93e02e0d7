/** What every group of API routes is registered with; apart from api.ts, which registers them, so routes and api.ts do not import each other. */
import type { Db } from '../db/connection.ts';
import type { Clock } from '../services/round-clock.ts';

export interface ApiOptions {
  db: Db;
  secureCookies: boolean;
  /** The clock deadlines and reminders are read by (follow-up rounds); the system clock when absent. */
  clock?: Clock;
}
