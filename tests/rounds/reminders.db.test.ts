/**
 * Reminders by e-mail through a real SMTP server on 127.0.0.1, on both engines: the scheduler,
 * on a clock the test moves, sends each responsible one reminder before the deadline and one at
 * it, the owner a summary at the deadline and when all is done — each once, with an in-app
 * notice for each — and nothing at all by mail when mail is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { engines } from '../helpers/databases.ts';
import { createMailer, mailSettingsFromEnv } from '../../src/services/round-mail.ts';
import { getAssignment, markDone, writeItem } from '../../src/services/round-assignment-service.ts';
import { noticesOf, setMailAddress } from '../../src/services/round-notice-service.ts';
import { startRoundScheduler, type RoundScheduler } from '../../src/services/round-scheduler.ts';
import { openRound } from '../../src/services/round-service.ts';
import { ifo, roundDatabase, startLocalSmtp, testClock, type LocalSmtp } from './harness.ts';

const ledning = { username: 'ledning', role: 'ledning', unitKey: 'sn', municipality: '2262' } as const;
const vuxna = { username: 'vuxna', role: 'redaktör', unitKey: 'ifo-vuxna', municipality: '2262' } as const;
const barnfamilj = { username: 'barnfamilj', role: 'redaktör', unitKey: 'ifo-barn-o-familj', municipality: '2262' } as const;

describe.each(engines)('reminders on %s', (engine) => {
  let database: Database;
  let smtp: LocalSmtp;
  let scheduler: RoundScheduler;
  const clock = testClock('2017-09-01T09:00:00+02:00');

  beforeAll(async () => {
    database = await roundDatabase(engine);
    smtp = await startLocalSmtp();
    const db = database.db;
    for (const [actor, address] of [[ledning, 'lena.ledning@timra.se'], [vuxna, 'vera.vuxen@timra.se'], [barnfamilj, 'bo.barn@timra.se']] as const) {
      await setMailAddress(db, { actor, username: actor.username, address, clock });
    }
    // Only the two units' assignments, so that "all done" can be reached.
    await openRound(db, {
      planKey: ifo,
      period: '2017-08',
      deadline: '2017-09-15',
      reminderDays: 3,
      template: { parts: ['deviation-analyses'], sections: [] },
      actor: ledning,
      clock,
    });
    const mailer = createMailer(mailSettingsFromEnv({ STYRKORT_SMTP_HOST: '127.0.0.1', STYRKORT_SMTP_PORT: String(smtp.port), STYRKORT_SMTP_FROM: 'Styrkort Timrå <styrkort@timra.se>' })!);
    scheduler = startRoundScheduler({ db, clock, mailer, publicUrl: 'https://styrkort.timra.se', intervalMs: 0 });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await smtp?.close();
    await database?.close();
  });

  it('sends nothing while the deadline is more than three days away', async () => {
    clock.set('2017-09-11T23:00:00+02:00');
    expect(await scheduler.tick()).toEqual([]);
    expect(smtp.received).toEqual([]);
  });

  it('reminds each responsible once from three days before the deadline, by mail and in the app', async () => {
    clock.set('2017-09-12T07:00:00+02:00');
    const sent = await scheduler.tick();
    // Five nodes; the redaktör (IFO, Försörjningsstöd) and the EKB economist have no address: they get the notice only.
    expect(sent.map((message) => `${message.kind} ${message.recipient} ${message.mailedTo ?? '-'}`).sort()).toEqual([
      'before-deadline barnfamilj bo.barn@timra.se',
      'before-deadline ekonom-ekb -',
      'before-deadline redaktor -',
      'before-deadline redaktor -',
      'before-deadline vuxna vera.vuxen@timra.se',
    ]);
    const mail = await smtp.waitFor(2);
    const toVera = mail.find((message) => message.to.includes('vera.vuxen@timra.se'))!;
    expect(toVera.from).toBe('styrkort@timra.se');
    expect(toVera.subject).toBe('Påminnelse: uppföljningen för IFO, Vuxna senast 15 september 2017');
    expect(toVera.text).toContain('Du är ansvarig för uppföljningen av IFO, Vuxna i Delårsrapport januari–augusti 2017 (Verksamhetsplan för Individ- och familjeomsorgen i Timrå kommun 2018-2020). Sista dag är 15 september 2017. Det saknas fortfarande 1 av 1 delar.');
    expect(toVera.text).toContain('https://styrkort.timra.se/planer/timra-ifo-2018-2020/omgangar/2017-08/ifo-vuxna');
    const notices = await noticesOf(database.db, vuxna);
    expect(notices.notices[0]).toMatchObject({ kind: 'before-deadline', message: 'Påminnelse: uppföljningen för IFO, Vuxna senast 15 september 2017' });
    clock.set('2017-09-13T12:00:00+02:00');
    expect(await scheduler.tick()).toEqual([]);
    expect(smtp.received).toHaveLength(2);
  });

  it('reminds again at the deadline those not done, and sends the owner a summary', async () => {
    await writeItem(database.db, { planKey: ifo, period: '2017-08', node: 'ifo-barn-o-familj', itemKey: 'analysis:rr-ifo-barn-o-familj', value: { text: 'Lägre intäkter än budgeterat.', assessment: null }, ifMatch: 0, actor: barnfamilj, clock });
    await markDone(database.db, { planKey: ifo, period: '2017-08', node: 'ifo-barn-o-familj', ifMatch: 1, actor: barnfamilj, clock });
    clock.set('2017-09-15T06:30:00+02:00');
    const sent = await scheduler.tick();
    expect(sent.filter((message) => message.mailedTo).map((message) => `${message.kind} ${message.mailedTo}`).sort()).toEqual(['at-deadline vera.vuxen@timra.se', 'summary-deadline lena.ledning@timra.se']);
    const mail = await smtp.waitFor(4);
    const summary = mail.find((message) => message.to.includes('lena.ledning@timra.se'))!;
    expect(summary.subject).toBe('Sammanställning vid sista dag: Delårsrapport januari–augusti 2017');
    expect(summary.text).toContain('1 av 5 uppdrag är klara.');
    expect(summary.text).toContain('- IFO, Barn o familj: klar (Bo Barn)');
    expect(summary.text).toContain('- IFO, Vuxna: inte påbörjad, 1 av 1 delar saknas (Vera Vuxen)');
    const deadline = mail.find((message) => message.to.includes('vera.vuxen@timra.se') && message.subject.startsWith('Sista dag'))!;
    expect(deadline.subject).toBe('Sista dag i dag: uppföljningen för IFO, Vuxna');
  });

  it('tells the owner when every assignment is done', async () => {
    const db = database.db;
    clock.set('2017-09-16T10:00:00+02:00');
    for (const node of ['ifo', 'ifo-vuxna', 'forsorjningsstod-utbetaln', 'ekb']) {
      const responsible = node === 'ifo-vuxna' ? vuxna : node === 'ekb' ? ({ username: 'ekonom-ekb', role: 'ekonom', unitKey: 'ekb', municipality: '2262' } as const) : ({ username: 'redaktor', role: 'redaktör', unitKey: 'ifo', municipality: '2262' } as const);
      const detail = await getAssignment(db, { planKey: ifo, period: '2017-08', node, actor: responsible, clock });
      for (const entry of detail.progress) await writeItem(db, { planKey: ifo, period: '2017-08', node, itemKey: entry.item.key, value: { text: `Analys av ${entry.item.label}.`, assessment: null }, ifMatch: 0, actor: responsible, clock });
      await markDone(db, { planKey: ifo, period: '2017-08', node, ifMatch: 1, actor: responsible, clock });
    }
    const sent = await scheduler.tick();
    expect(sent.map((message) => `${message.kind} ${message.mailedTo}`)).toEqual(['summary-done lena.ledning@timra.se']);
    const mail = await smtp.waitFor(5);
    expect(mail[4]!.subject).toBe('Alla uppdrag klara: Delårsrapport januari–augusti 2017');
    expect(await scheduler.tick()).toEqual([]);
  });
});

describe('mail off', () => {
  it('is off when STYRKORT_SMTP_HOST is unset, and notices still go', async () => {
    expect(mailSettingsFromEnv({})).toBeNull();
    expect(mailSettingsFromEnv({ STYRKORT_SMTP_HOST: 'smtp.timra.se', STYRKORT_SMTP_SECURE: '1' })).toMatchObject({ host: 'smtp.timra.se', port: 465, secure: true, from: 'Styrkort <styrkort@localhost>' });
    const database = await roundDatabase('pglite');
    try {
      const clock = testClock('2017-09-14T09:00:00+02:00');
      await setMailAddress(database.db, { actor: vuxna, username: 'vuxna', address: 'vera.vuxen@timra.se', clock });
      await openRound(database.db, { planKey: ifo, period: '2017-08', deadline: '2017-09-15', template: { parts: ['deviation-analyses'], sections: [] }, actor: ledning, clock });
      const scheduler = startRoundScheduler({ db: database.db, clock, mailer: null, publicUrl: 'http://localhost:3000', intervalMs: 0 });
      const sent = await scheduler.tick();
      await scheduler.stop();
      expect(sent.filter((message) => message.recipient === 'vuxna')).toEqual([expect.objectContaining({ kind: 'before-deadline', mailedTo: null, error: null })]);
      expect((await noticesOf(database.db, vuxna)).unread).toBe(2);
    } finally {
      await database.close();
    }
  });
});
