/**
 * The server's reminder scheduler: every interval it asks the reminder service to send what is
 * due by the clock it was given. `tick()` runs one pass at once (tests call it with their own
 * clock); `stop()` ends the timer and waits for a pass that is running.
 */
import type { Db } from '../db/connection.ts';
import type { Clock } from './round-clock.ts';
import type { Mailer } from './round-mail.ts';
import { sendDueReminders, type SentMessage } from './round-reminder-service.ts';

export interface RoundScheduler {
  tick(): Promise<SentMessage[]>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  mailer: Mailer | null;
  publicUrl: string;
  /** Milliseconds between passes (default 5 minutes); 0 runs no timer, only tick(). */
  intervalMs?: number;
  /** Where a failed pass is reported; the next pass tries again. */
  onError?: (error: unknown) => void;
  onSent?: (sent: SentMessage[]) => void;
}

/** Starts the scheduler; the first pass runs at once. */
export function startRoundScheduler(options: SchedulerOptions): RoundScheduler {
  let running: Promise<SentMessage[]> | null = null;
  const tick = (): Promise<SentMessage[]> => {
    // One pass at a time: a slow mail server must not stack passes on top of each other.
    running ??= sendDueReminders(options.db, options)
      .then((sent) => {
        if (sent.length > 0) options.onSent?.(sent);
        return sent;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const interval = options.intervalMs ?? 5 * 60_000;
  const guarded = () => tick().catch((error: unknown) => options.onError?.(error));
  const timer = interval > 0 ? setInterval(guarded, interval) : null;
  timer?.unref();
  if (interval > 0) void guarded();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
      options.mailer?.close();
    },
  };
}
