/**
 * Lockout back-off after failed logins: five free attempts, then a lock that doubles with each
 * further failure (30 s, 1 min, 2 min …) up to one hour. Pure, so the schedule is testable.
 */
export const freeAttempts = 5;
const baseSeconds = 30;
const maxSeconds = 3600;

/** How long an account is locked after its `failures`-th consecutive failure (0 = not locked). */
export function lockSeconds(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(maxSeconds, baseSeconds * 2 ** (failures - freeAttempts));
}
