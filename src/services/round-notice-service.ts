/**
 * In-app notices (notiser) of round events — an assignment given, sent back, done, a reminder, a
 * summary, a report adopted — and the e-mail address each account gets reminders at.
 */
import { StyrkortError } from '../domain/errors.ts';
import { decide, type Actor } from '../domain/access.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { deleteMailAddress, findMailAddresses, insertNotices, listNotices, listRounds, markNoticeRead, upsertMailAddress } from '../db/round-repository.ts';
import { findUser } from '../db/user-repository.ts';
import type { Clock } from './round-clock.ts';
import { enforce } from './round-context.ts';
import { inRoundTransaction } from './round-transaction.ts';

export interface Notice {
  username: string;
  roundId: number;
  nodeKey?: string;
  kind: string;
  message: string;
}

/** Adds notices inside the caller's transaction. */
export async function addNotices(tx: Db, notices: Notice[]): Promise<void> {
  await insertNotices(tx, notices.map((notice) => ({ ...notice, nodeKey: notice.nodeKey ?? '' })));
}

/** An account's notices, newest first, with how many are unread. */
export async function noticesOf(db: Db, actor: Actor | null, limit = 50) {
  if (!actor) throw new StyrkortError('unauthenticated', 'Du behöver logga in');
  const rows = await listNotices(db, actor.username, limit);
  const rounds = new Map((await listRounds(db)).map((round) => [round.id, round]));
  return {
    unread: rows.filter((row) => row.readAt === null).length,
    notices: rows.map((row) => ({ ...row, planKey: rounds.get(row.roundId)?.planKey ?? '', period: rounds.get(row.roundId)?.period ?? '' })),
  };
}

/** Marks one of the account's notices read. */
export async function readNotice(db: Db, options: { actor: Actor | null; id: number; clock: Clock }): Promise<void> {
  const { actor } = options;
  if (!actor) throw new StyrkortError('unauthenticated', 'Du behöver logga in');
  const changed = await markNoticeRead(db, { username: actor.username, id: options.id, at: options.clock.now() });
  if (!changed) throw new StyrkortError('not-found', `Du har ingen oläst notis ${options.id}`);
}

const MAIL_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** The address an account gets reminders at, or null; its owner and admins may read it. */
export async function mailAddressOf(db: Db, options: { actor: Actor | null; username: string }): Promise<string | null> {
  assertMayManageAddress(options.actor, options.username);
  if (!(await findUser(db, options.username))) throw new StyrkortError('not-found', `Kontot ${options.username} finns inte`);
  return (await findMailAddresses(db, [options.username])).get(options.username) ?? null;
}

/** Sets (or with null removes) the address an account gets reminders at; audited. */
export async function setMailAddress(db: Db, options: { actor: Actor | null; username: string; address: string | null; clock: Clock; reason?: string | null }): Promise<string | null> {
  const actor = assertMayManageAddress(options.actor, options.username);
  const address = options.address?.trim() || null;
  if (address !== null && (address.length > 254 || !MAIL_ADDRESS.test(address))) {
    throw new StyrkortError('validation', `"${address}" är ingen e-postadress; ingenting har sparats`, [{ path: '$.address', message: 'Ange en e-postadress, t.ex. namn@kommun.se' }]);
  }
  if (!(await findUser(db, options.username))) throw new StyrkortError('not-found', `Kontot ${options.username} finns inte`);
  return inRoundTransaction(db, async (tx) => {
    const before = (await findMailAddresses(tx, [options.username])).get(options.username) ?? null;
    if (before === address) return address;
    if (address === null) await deleteMailAddress(tx, options.username);
    else await upsertMailAddress(tx, { username: options.username, address, updatedBy: actor.username, updatedAt: options.clock.now() });
    await appendAudit(tx, { actor: actor.username, action: 'update', entityType: 'mail-address', entityKey: options.username, field: 'address', before, after: address, reason: options.reason });
    return address;
  });
}

function assertMayManageAddress(actor: Actor | null, username: string): Actor {
  if (!actor) throw new StyrkortError('unauthenticated', 'Du behöver logga in');
  if (actor.username !== username) enforce(decide(actor, 'manage-users'));
  return actor;
}
