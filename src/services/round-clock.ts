/**
 * The clock rounds read "now" from: deadlines are checked and reminders fall due by it. The server
 * takes the system clock; tests and demonstrations pass another (STYRKORT_NOW sets the start of a
 * clock that then runs at the normal pace, so a demo of the 2017 delårsrapport lives in 2017).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs on with real time. */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The clock the environment names (STYRKORT_NOW, an ISO time), else the system clock. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env.STYRKORT_NOW?.trim();
  if (!start) return systemClock;
  const time = new Date(start);
  if (Number.isNaN(time.getTime())) throw new Error(`STYRKORT_NOW ska vara en tidpunkt, t.ex. 2017-09-13T08:00:00+02:00 (inte "${start}")`);
  return clockFrom(time);
}

const municipalDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Sweden, 'YYYY-MM-DD': a deadline is a Swedish calendar day. */
export function todayOf(clock: Clock): string {
  return municipalDate.format(clock.now());
}
