/**
 * The lockout rule (issue 10, defect 7), as schedules: attempts at given seconds from given
 * sources, and what each gets. Five wrong passwords from anywhere used to lock the real user out,
 * and one wrong attempt an hour kept "admin" locked for good.
 */
import { describe, expect, it } from 'vitest';
import { afterFailure, loginGate, lockSeconds, sourceKey, type FailureRecord } from './login-backoff.ts';

const start = Date.UTC(2026, 0, 5, 8, 0, 0);
const at = (seconds: number) => new Date(start + seconds * 1000);

type Attempt = [seconds: number, source: string, outcome: 'fail' | 'ok'];
type Answer = 'wrong' | 'in' | `locked ${number}` | `account locked ${number}`;

/** Plays a schedule of attempts through the rule, as the login service does, and returns each answer. */
function play(attempts: Attempt[]): Answer[] {
  const records = new Map<string, FailureRecord>();
  return attempts.map(([seconds, source, outcome]): Answer => {
    const now = at(seconds);
    const gate = loginGate({ source: records.get(source) ?? null, all: [...records.values()], now });
    if (!gate.allowed) return gate.scope === 'source' ? `locked ${gate.seconds}` : `account locked ${gate.seconds}`;
    if (outcome === 'ok') {
      records.delete(source);
      return 'in';
    }
    records.set(source, afterFailure(records.get(source) ?? null, now));
    return 'wrong';
  });
}

const repeat = <T>(times: number, make: (i: number) => T): T[] => Array.from({ length: times }, (_, i) => make(i));

describe('lockout per account and source', () => {
  it('defect 7: five wrong passwords from one address lock that address, not the user at another', () => {
    const answers = play([...repeat(5, (i): Attempt => [i, '203.0.113.9', 'fail']), [6, '203.0.113.9', 'ok'], [7, '198.51.100.20', 'ok']]);
    expect(answers).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked 28', 'in']);
  });

  it('defect 7: a hundred attempts from one address still leave the account open elsewhere (one address counts at most five)', () => {
    const attack = repeat(100, (i): Attempt => [i * 61 * 60, '203.0.113.9', 'fail']);
    const answers = play([...attack, [100 * 61 * 60, '198.51.100.20', 'ok']]);
    expect(answers.at(-1)).toBe('in');
  });

  it('defect 7: one wrong password an hour never locks (the count decays by one per quiet 15 minutes)', () => {
    const answers = play([...repeat(5, (i): Attempt => [i, '192.0.2.1', 'fail']), ...repeat(24, (i): Attempt => [3600 * (i + 1), '192.0.2.1', 'fail']), [3600 * 25 + 1, '192.0.2.1', 'ok']]);
    expect(answers.slice(5)).toEqual([...repeat(24, () => 'wrong'), 'in']);
  });

  it.each<[string, Attempt[], Answer[]]>([
    ['five free attempts, then 30 s', repeat(6, (i): Attempt => [i, 'a', 'fail']), ['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked 29']],
    ['doubling after the lock ends', [...repeat(5, (): Attempt => [0, 'a', 'fail']), [30, 'a', 'fail'], [31, 'a', 'ok'], [90, 'a', 'fail'], [91, 'a', 'ok']], ['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked 59', 'wrong', 'locked 119']],
    ['a success starts the count over', [...repeat(4, (): Attempt => [0, 'a', 'fail']), [1, 'a', 'ok'], ...repeat(4, (): Attempt => [2, 'a', 'fail']), [3, 'a', 'ok']], ['wrong', 'wrong', 'wrong', 'wrong', 'in', 'wrong', 'wrong', 'wrong', 'wrong', 'in']],
    ['quiet 75 minutes forgives five', [...repeat(5, (): Attempt => [0, 'a', 'fail']), [75 * 60, 'a', 'fail'], [75 * 60 + 1, 'a', 'fail'], [75 * 60 + 2, 'a', 'ok']], ['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'in']],
    [
      'ten addresses at their limit lock the account for everyone, for five minutes',
      [...repeat(50, (i): Attempt => [i, `10.0.0.${Math.floor(i / 5)}`, 'fail']), [60, '198.51.100.20', 'ok'], [50 + 300, '198.51.100.20', 'ok']],
      [...repeat(50, (): Answer => 'wrong'), 'account locked 289', 'in'],
    ],
    [
      'nine addresses at their limit do not',
      [...repeat(45, (i): Attempt => [i, `10.0.0.${Math.floor(i / 5)}`, 'fail']), [60, '198.51.100.20', 'ok']],
      [...repeat(45, (): Answer => 'wrong'), 'in'],
    ],
  ])('%s', (_name, attempts, answers) => {
    expect(play(attempts)).toEqual(answers);
  });

  it('locks for 30 s doubling up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 40].map(lockSeconds)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 3600, 3600, 3600]);
  });
});

describe('sourceKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:db8:85a3:8d3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    [undefined, 'okänd'],
  ])('%s → %s', (address, key) => {
    expect(sourceKey(address)).toBe(key);
  });
});
