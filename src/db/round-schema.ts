/**
 * The tables of follow-up rounds (uppföljningsomgångar), re-exported by schema.ts: a round per
 * plan and period, an assignment per organisation node, what each unit wrote per item, the
 * frozen snapshot of an adopted round, in-app notices, the log of reminders sent, and the e-mail
 * address each account gets reminders at.
 */
import { bigserial, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const followUpRounds = pgTable(
  'follow_up_rounds',
  {
    id: serial('id').primaryKey(),
    planKey: text('plan_key').notNull(),
    period: text('period').notNull(),
    status: text('status').notNull().default('open'), // open, submitted, adopted
    deadline: date('deadline', { mode: 'string' }).notNull(),
    reminderDays: integer('reminder_days').notNull().default(3),
    template: jsonb('template').notNull(),
    owner: text('owner').notNull(), // the account that opened it, who gets the summaries
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    decision: jsonb('decision'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('follow_up_rounds_plan_period').on(t.planKey, t.period)],
);

export const roundAssignments = pgTable(
  'round_assignments',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => followUpRounds.id, { onDelete: 'cascade' }),
    nodeKey: text('node_key').notNull(),
    responsible: text('responsible'), // a username, or null until someone is named
    state: text('state').notNull().default('open'), // open, done, sent-back
    items: jsonb('items').notNull(), // what the node is asked to write, fixed at opening
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by'),
    sentBackAt: timestamp('sent_back_at', { withTimezone: true }),
    sentBackBy: text('sent_back_by'),
    sentBackComment: text('sent_back_comment'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('round_assignments_round_node').on(t.roundId, t.nodeKey)],
);

export const roundContributions = pgTable(
  'round_contributions',
  {
    id: serial('id').primaryKey(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => roundAssignments.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    text: text('text').notNull().default(''),
    assessment: text('assessment'),
    writtenBy: text('written_by').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('round_contributions_assignment_item').on(t.assignmentId, t.itemKey)],
);

/** An adopted round's content exactly as decided: the documents are built from it. */
export const roundSnapshots = pgTable('round_snapshots', {
  id: serial('id').primaryKey(),
  roundId: integer('round_id')
    .notNull()
    .references(() => followUpRounds.id),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  takenBy: text('taken_by').notNull(),
  content: jsonb('content').notNull(),
});

export const roundNotices = pgTable(
  'round_notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    roundId: integer('round_id')
      .notNull()
      .references(() => followUpRounds.id, { onDelete: 'cascade' }),
    nodeKey: text('node_key').notNull().default(''),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('round_notices_user').on(t.username, t.id)],
);

/** Reminders and summaries that went out: each kind, node and recipient once per round. */
export const roundMessages = pgTable(
  'round_messages',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => followUpRounds.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    nodeKey: text('node_key').notNull().default(''),
    recipient: text('recipient').notNull(),
    address: text('address'), // null: no address known, or mail is off — the in-app notice went
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    mailError: text('mail_error'),
  },
  (t) => [uniqueIndex('round_messages_once').on(t.roundId, t.kind, t.nodeKey, t.recipient)],
);

export const mailAddresses = pgTable('mail_addresses', {
  username: text('username').primaryKey(),
  address: text('address').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});
