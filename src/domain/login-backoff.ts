/**
 * Lockout after failed logins (issue 10, defect 7), as pure rules so the schedule is testable.
 *
 * Failures are counted per account and source address, so an attacker who guesses from one
 * address locks out that address, not the real user somewhere else. Five failures are free; then
 * the source is locked for 30 s, doubling with each further failure up to one hour. The count
 * decays — one failure is forgiven for every 15 minutes without one — so a wrong password once an
 * hour never keeps anyone locked. Against guessing from many addresses, the account as a whole is
 * locked for 5 minutes once its failures from all addresses reach 50, where one address counts
 * at most five: it takes ten addresses at their own limit to lock an account for everyone.
 */
export const freeAttempts = 5;
const baseSeconds = 30;
const maxSeconds = 3600;
/** One failure is forgiven for every this many seconds without a failure. */
export const decaySeconds = 15 * 60;
/** What one source address can add to the account's count: no more than locks that address itself. */
export const perSourceCap = freeAttempts;
/** The account's count (from all sources, each capped) at which it is locked for everyone. */
export const accountThreshold = 50;
export const accountLockSeconds = 300;

/** The failures of one account from one source address, as stored. */
export interface FailureRecord {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

/** How long a source is locked after its `failures`-th failure in a row (0 = not locked). */
export function lockSeconds(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(maxSeconds, baseSeconds * 2 ** (failures - freeAttempts));
}

/** The failures still counted at `now`: the stored count less one per quiet 15 minutes. */
export function decayedFailures(record: FailureRecord | null, now: Date): number {
  if (!record || !record.lastFailureAt) return 0;
  const quiet = Math.max(0, now.getTime() - record.lastFailureAt.getTime()) / 1000;
  return Math.max(0, record.failures - Math.floor(quiet / decaySeconds));
}

/** The record after one more failure from the source at `now`. */
export function afterFailure(record: FailureRecord | null, now: Date): FailureRecord {
  const failures = decayedFailures(record, now) + 1;
  const lock = lockSeconds(failures);
  return { failures, lastFailureAt: now, lockedUntil: lock > 0 ? new Date(now.getTime() + lock * 1000) : null };
}

export type LoginGate = { allowed: true } | { allowed: false; seconds: number; scope: 'source' | 'account' };

/**
 * Whether a login attempt may be checked at all: refused while this source is locked, or while the
 * account's failures from all sources (each capped) are at the threshold and the last is recent.
 */
export function loginGate(options: { source: FailureRecord | null; all: FailureRecord[]; now: Date }): LoginGate {
  const { source, all, now } = options;
  if (source?.lockedUntil && source.lockedUntil > now) {
    return { allowed: false, seconds: Math.ceil((source.lockedUntil.getTime() - now.getTime()) / 1000), scope: 'source' };
  }
  const total = all.reduce((sum, record) => sum + Math.min(perSourceCap, decayedFailures(record, now)), 0);
  if (total >= accountThreshold) {
    const last = Math.max(...all.map((record) => record.lastFailureAt?.getTime() ?? 0));
    const until = last + accountLockSeconds * 1000;
    if (until > now.getTime()) return { allowed: false, seconds: Math.ceil((until - now.getTime()) / 1000), scope: 'account' };
  }
  return { allowed: true };
}

/**
 * The source an attempt is counted under: an IPv4 address as it is (an IPv4-mapped IPv6 address
 * as its IPv4 address), an IPv6 address by its /64 network — one household or server gets a whole
 * /64, so counting single IPv6 addresses would give an attacker endless fresh ones.
 */
export function sourceKey(address: string | undefined): string {
  if (!address) return 'okänd';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::') ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
