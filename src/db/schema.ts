/**
 * The one PostgreSQL schema (PGlite and PostgreSQL 15+). Plans are stored as typed items with
 * their own keys and versions; every printed or entered figure is one row in `figures`, with its
 * period, kind, unit and source, so history and comparisons are plain queries.
 */
import { sql } from 'drizzle-orm';
import type { ImportKind, ImportSummary } from '../domain/imports/record.ts';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** Marks a database as Styrkort's ("app" = "styrkort"). */
export const meta = pgTable('styrkort_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Content versions of plans and municipalities come from one sequence, so a number is never
 * reused: a plan that is replaced (deleted and inserted again) cannot repeat a version that a
 * cache or a browser still holds. Triggers (drizzle/0015) take a new one in the transaction of
 * every write that changes what a plan's projections (plan file, scorecard, documents) show.
 */
export const contentVersions = pgSequence('content_version');

export const municipalities = pgTable('municipalities', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(), // kommunkod, e.g. 2262
  name: text('name').notNull(),
  /** Changes with the municipality's shared parts (its name, organisation tree, goals), which every plan of it shows. */
  contentVersion: bigint('content_version', { mode: 'number' }).notNull().default(sql`nextval('content_version')`),
});

/**
 * Organisation tree (nämnd, förvaltning, verksamhet, enhet …), shared by the plans of a
 * municipality: a node's identity and its current version (the ETag); what it is called and where it
 * sits lives in its append-only versions.
 */
export const orgNodes = pgTable(
  'org_nodes',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull().default(0),
    /** The number of the node's current shared version. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('org_nodes_municipality_key').on(t.municipalityId, t.key)],
);

export const plans = pgTable('plans', {
  id: serial('id').primaryKey(),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id, { onDelete: 'restrict' }),
  key: text('key').notNull().unique(),
  title: text('title').notNull(),
  subtitle: text('subtitle'),
  ownerNodeKey: text('owner_node_key').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  status: text('status').notNull(),
  decision: jsonb('decision'),
  letterhead: jsonb('letterhead').notNull().default(sql`'[]'::jsonb`),
  source: text('source'),
  statusRollup: text('status_rollup').notNull().default('worst'),
  /** The plan's status rule for indicators (PlanHead.statusRule); null: the tolerance rule. */
  statusRule: jsonb('status_rule'),
  /** How the plan assesses its goals and what it calls the outcomes (PlanHead.goalAssessment); null: none. */
  goalAssessment: jsonb('goal_assessment'),
  version: integer('version').notNull().default(1),
  /**
   * Changes with everything of the plan's own that its projections show (its row, items, figures,
   * goal texts, snapshots); with the municipality's content version it keys the read caches and
   * ETags (src/services/plan-reads.ts). The plan head's `version` above is the If-Match of head edits.
   */
  contentVersion: bigint('content_version', { mode: 'number' }).notNull().default(sql`nextval('content_version')`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One version of an organisation node: append-only (a trigger refuses updates). The node's current
 * version is the row whose number is org_nodes.version; a row with plan_id is a plan-local variant,
 * pinned only by that plan (an import that spells the node differently). A version is valid from
 * valid_from until the next shared version's valid_from.
 */
export const orgNodeVersions = pgTable(
  'org_node_versions',
  {
    id: serial('id').primaryKey(),
    nodeId: integer('node_id')
      .notNull()
      .references(() => orgNodes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    parentKey: text('parent_key'),
    description: text('description'),
    /** The plan this variant was made for; null for the node's shared versions. */
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('org_node_versions_node_version').on(t.nodeId, t.version)],
);

/** The organisation a plan shows: the node versions it pins, in its file's order. */
export const planNodes = pgTable(
  'plan_nodes',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    nodeId: integer('node_id')
      .notNull()
      .references(() => orgNodes.id),
    nodeVersionId: integer('node_version_id')
      .notNull()
      .references(() => orgNodeVersions.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.nodeId] }), index('plan_nodes_version').on(t.nodeVersionId)],
);

/**
 * Goals are shared by a municipality's plans: a goal's identity and its current version (the
 * ETag). Number, perspective, parent and owner node live in its append-only versions; the wording
 * is per plan (goal_texts), which pins the version it shows.
 */
export const goals = pgTable(
  'goals',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** The number of the goal's current shared version. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('goals_municipality_key').on(t.municipalityId, t.key)],
);

/** One version of a shared goal: append-only, like org_node_versions (plan_id: a plan-local variant). */
export const goalVersions = pgTable(
  'goal_versions',
  {
    id: serial('id').primaryKey(),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    level: text('level').notNull(),
    number: text('number'),
    perspective: integer('perspective'),
    parentKey: text('parent_key'),
    nodeKey: text('node_key'),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('goal_versions_goal_version').on(t.goalId, t.version)],
);

/** A goal's wording in one plan's period: goal 1:2 reads differently in 2018–2020 and 2020–2022. */
export const goalTexts = pgTable(
  'goal_texts',
  {
    id: serial('id').primaryKey(),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    /** The version of the shared goal this plan shows (number, perspective, parent, node). */
    goalVersionId: integer('goal_version_id')
      .notNull()
      .references(() => goalVersions.id),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    text: text('text').notNull(),
    measurement: jsonb('measurement'),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('goal_texts_goal_plan').on(t.goalId, t.planId), index('goal_texts_version').on(t.goalVersionId)],
);

/**
 * Every other part of a plan (indicator, strategy, activity, outlook, table, section …) as one
 * typed item; its figures live in `figures`, never in `data`.
 */
export const planItems = pgTable(
  'plan_items',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    itemType: text('item_type').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('plan_items_plan_type_key').on(t.planId, t.itemType, t.key)],
);

/** One figure: a printed or entered value with its period, kind, unit and source. */
export const figures = pgTable(
  'figures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    itemType: text('item_type').notNull(), // volume-table, budget-table, capital-budget, indicator
    itemKey: text('item_key').notNull(),
    rowKey: text('row_key').notNull(), // row key, budget line, "total", or target/actual
    series: text('series'), // identity across plans: volume measure, indicator key, node:line
    columnKey: text('column_key').notNull(),
    period: text('period'), // 'YYYY' or 'YYYY-MM'
    kind: text('kind').notNull(), // actual, budget, forecast, plan, target, total
    asOf: text('as_of'), // forecast made at 'YYYY-MM'
    unit: text('unit'),
    printed: text('printed').notNull(), // exactly as printed or entered
    value: numeric('value'), // null when missing or words: missing is not zero
    form: text('form').notNull(), // number, annotated, sum, text, missing, target
    position: integer('position').notNull(),
    source: text('source').notNull(), // where the figure came from: a file, a person, a system
    statedSource: text('stated_source'), // the source as the plan file states it, kept for export
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** The import (imports.id) the figure came from; null when it was typed, pasted or read from a plan file. */
    importId: bigint('import_id', { mode: 'number' }).references((): AnyPgColumn => imports.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('figures_import').on(t.importId),
    uniqueIndex('figures_cell').on(t.planId, t.itemType, t.itemKey, t.rowKey, t.columnKey),
    index('figures_series_period').on(t.series, t.period),
  ],
);

/** Append-only audit trail: who changed what, when, before and after. No update or delete path. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(), // import, create, update, delete, adopt, rollover …
    planKey: text('plan_key'),
    entityType: text('entity_type').notNull(),
    entityKey: text('entity_key').notNull(),
    field: text('field'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [index('audit_plan').on(t.planKey), index('audit_entity').on(t.entityType, t.entityKey)],
);

/** A user account; roles: admin, ledning, redaktör, ekonom, läsare. Scope is an org subtree. */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name'),
  passwordHash: text('password_hash').notNull(), // argon2id
  role: text('role').notNull(),
  /** The municipality the user works in; null: every municipality (an account of the installation). */
  municipalityId: integer('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
  unitKey: text('unit_key'), // the org node (of that municipality) whose subtree the user works in; null = the whole municipality
  isDemo: integer('is_demo').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** Login sessions; only a hash of the session id is stored. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed logins per username and source address (IPv6: its /64), for the lockout back-off (domain/login-backoff.ts). */
export const loginFailures = pgTable(
  'login_failures',
  {
    username: text('username').notNull(),
    source: text('source').notNull().default(''),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.username, t.source] })],
);

/** A plan's exact content when it was adopted: immutable (a trigger refuses updates and deletes). */
export const planSnapshots = pgTable('plan_snapshots', {
  id: serial('id').primaryKey(),
  planKey: text('plan_key').notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  takenBy: text('taken_by').notNull(),
  reason: text('reason').notNull(), // adopted
  content: jsonb('content').notNull(),
});

/** History between plans: a plan created from another by a year rollover. */
export const planLinks = pgTable('plan_links', {
  id: serial('id').primaryKey(),
  fromPlanKey: text('from_plan_key').notNull(),
  toPlanKey: text('to_plan_key').notNull(),
  kind: text('kind').notNull(), // rollover
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: text('created_by').notNull(),
});

/**
 * One import of actuals from a file (issue 14): what was read, by whom, into which plan, for which
 * periods, and whether it has been undone. Its cells are in `import_cells`; every figure it wrote
 * points back at it (`figures.import_id`). Never deleted: an undo marks it.
 */
export const imports = pgTable(
  'imports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ImportKind>().notNull(), // ledger (ekonomiska utfall), actuals (volymer och styrtal)
    fileName: text('file_name').notNull(),
    checksum: text('checksum').notNull(), // sha-256 of the file's bytes, hex
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    format: text('format').notNull(), // sie, csv, xlsx
    rows: integer('rows').notNull(), // records read from the file
    sourceSystem: text('source_system').notNull(), // "ekonomisystemet", "verksamhetssystemet" …: what the cells show
    /** Which earlier imports a corrected file replaces: kind, source system and mapping. */
    sourceKey: text('source_key').notNull(),
    mappingKey: text('mapping_key'),
    periods: jsonb('periods').$type<string[]>().notNull(), // the periods the file covers, in order
    status: text('status').$type<'imported' | 'undone'>().notNull(), // imported, undone
    summary: jsonb('summary').$type<ImportSummary>().notNull(), // counts and added columns
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    undoneBy: text('undone_by'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('imports_plan_checksum').on(t.planId, t.checksum)],
);

/** A cell an import wrote: what it held before (for undo) and what the import put there (null: emptied). */
export const importCells = pgTable(
  'import_cells',
  {
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    itemType: text('item_type').notNull(),
    itemKey: text('item_key').notNull(),
    rowKey: text('row_key').notNull(),
    columnKey: text('column_key').notNull(),
    period: text('period').notNull(),
    before: text('before'), // null: the cell was empty
    /** Where the text before came from (figures.source, import_id, recorded_by, recorded_at), put back by an undo. */
    beforeImportId: bigint('before_import_id', { mode: 'number' }),
    beforeSource: text('before_source'),
    beforeRecordedBy: text('before_recorded_by'),
    beforeRecordedAt: timestamp('before_recorded_at', { withTimezone: true }),
    after: text('after'), // null: the import emptied the cell (a corrected file without it)
  },
  (t) => [primaryKey({ columns: [t.importId, t.itemType, t.itemKey, t.rowKey, t.columnKey] })],
);

/** A municipality's ledger mappings (domain/ledger/mapping.ts), as their JSON file, versioned for If-Match. */
export const ledgerMappings = pgTable(
  'ledger_mappings',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    content: jsonb('content').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ledger_mappings_municipality_key').on(t.municipalityId, t.key)],
);

/**
 * A measure (mått) of a municipality: one series of values that indicators of several plans refer
 * to (issue 12, point 6). `kolada` names a Kolada KPI the Kolada import can fill the series from.
 */
export const measures = pgTable(
  'measures',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    kolada: text('kolada'),
    source: text('source'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('measures_municipality_key').on(t.municipalityId, t.key)],
);

/** One value of a measure for a period, as printed, with its breakdown (kön, regi, ålder); held once for every plan. */
export const measureValues = pgTable(
  'measure_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    printed: text('printed').notNull(),
    value: numeric('value'), // null when missing or words: missing is not zero
    form: text('form').notNull(),
    breakdown: jsonb('breakdown'),
    source: text('source').notNull(),
    statedSource: text('stated_source'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('measure_values_measure_period').on(t.measureId, t.period)],
);

/** The measures a plan file lists, in its order: the plan's view of the municipality's measures. */
export const planMeasures = pgTable(
  'plan_measures',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id),
    position: integer('position').notNull(),
    /**
     * The measure as this plan's file describes it (name, unit, Kolada id, source): the plan's own
     * words, so another plan describing the measure anew never changes this one; only the values
     * are shared. Null in rows from before drizzle/0020: the measure's own description.
     */
    name: text('name'),
    unit: text('unit'),
    kolada: text('kolada'),
    source: text('source'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.measureId] })],
);

// Follow-up rounds keep their tables in a file of their own.
export * from './round-schema.ts';

// ---------------------------------------------------------------------------------------------
// Kolada (RKA's open database of municipal KPIs). Ids stay strings as Kolada writes them ("0000"
// is the country, "2262" Timrå, "G36671" a group); no foreign keys between the Kolada tables and
// the plans, so values can arrive before their metadata. Every row names the run (import or
// sync) that last changed it.

/** A Kolada KPI (nyckeltal) and its metadata as Kolada publishes it. */
export const koladaKpis = pgTable('kolada_kpis', {
  id: text('id').primaryKey(), // "N31807"
  title: text('title').notNull(),
  description: text('description'),
  definition: text('definition'),
  operatingArea: text('operating_area'), // verksamhetsområde, comma-joined as Kolada gives it
  perspective: text('perspective'), // Volymer, Resurser, Kvalitet och resultat
  municipalityType: text('municipality_type'), // K, L or A
  isDividedByGender: boolean('is_divided_by_gender'),
  hasOuData: boolean('has_ou_data'),
  auspices: text('auspices'),
  publicationDate: date('publication_date', { mode: 'string' }),
  ouPublicationDate: date('ou_publication_date', { mode: 'string' }),
  prelPublicationDate: date('prel_publication_date', { mode: 'string' }),
  publPeriod: text('publ_period'),
  runId: integer('run_id').notNull(),
});

/** A municipality, region or the country ("0000" Riket) as Kolada lists them. */
export const koladaMunicipalities = pgTable('kolada_municipalities', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  type: text('type'), // K (kommun), L (region or the country)
  runId: integer('run_id').notNull(),
});

/**
 * A municipality group, e.g. "Liknande kommuner IFO, Timrå, 2022"; its id changes when RKA
 * recomputes it, so comparison groups are found by their title, read once when stored: for whom
 * (the municipality's name in lower case), the area and the year.
 */
export const koladaMunicipalityGroups = pgTable(
  'kolada_municipality_groups',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    comparisonFor: text('comparison_for'),
    comparisonArea: text('comparison_area'),
    comparisonYear: smallint('comparison_year'),
    runId: integer('run_id').notNull(),
  },
  (t) => [index('kolada_groups_comparison_for').on(t.comparisonFor)],
);

export const koladaMunicipalityGroupMembers = pgTable(
  'kolada_municipality_group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => koladaMunicipalityGroups.id, { onDelete: 'cascade' }),
    municipality: text('municipality').notNull(),
    title: text('title'), // the member's name as the group lists it
  },
  (t) => [primaryKey({ columns: [t.groupId, t.municipality] }), index('kolada_group_members_municipality').on(t.municipality)],
);

/** A KPI group, e.g. "Ekonomiskt bistånd", "IFO": how Kolada sorts its KPIs by area. */
export const koladaKpiGroups = pgTable('kolada_kpi_groups', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  runId: integer('run_id').notNull(),
});

export const koladaKpiGroupMembers = pgTable(
  'kolada_kpi_group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => koladaKpiGroups.id, { onDelete: 'cascade' }),
    kpi: text('kpi').notNull(),
    title: text('title'),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.kpi] }), index('kolada_kpi_group_members_kpi').on(t.kpi)],
);

/**
 * One value: a KPI for a municipality, year and gender (T total, K women, M men). The value is
 * null when Kolada has none (never 0). The key leads with KPI, year and gender, so a comparison
 * of one KPI and year reads one narrow index range; the second index serves a municipality's series.
 */
export const koladaValues = pgTable(
  'kolada_values',
  {
    kpi: text('kpi').notNull(),
    year: smallint('year').notNull(),
    gender: text('gender').notNull(),
    municipality: text('municipality').notNull(),
    value: numeric('value'),
    status: text('status'), // Kolada's status, e.g. "" or "Saknas"; null when not given
    count: integer('count'),
    runId: integer('run_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kpi, t.year, t.gender, t.municipality], name: 'kolada_values_pkey' }),
    index('kolada_values_series').on(t.municipality, t.kpi),
    check('kolada_values_gender', sql`${t.gender} in ('T', 'K', 'M')`),
  ],
);

/**
 * One import or sync: when, how it went, and for a sync its progress (the units done), so an
 * interrupted sync resumes where it stopped. At most one sync runs at a time (partial unique index).
 */
export const koladaRuns = pgTable(
  'kolada_runs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(), // import, sync
    trigger: text('trigger').notNull(), // cli, schedule, api
    status: text('status').notNull(), // running, ok, failed, interrupted
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    message: text('message'),
    /** What was asked: files, or KPIs, municipality and since. */
    request: jsonb('request').notNull().default(sql`'{}'::jsonb`),
    /** Units done so far (sync), for resuming. */
    progress: jsonb('progress').notNull().default(sql`'{"done":[]}'::jsonb`),
    summary: jsonb('summary').notNull().default(sql`'{}'::jsonb`),
    resumedFrom: integer('resumed_from'),
  },
  (t) => [uniqueIndex('kolada_runs_one_running').on(t.kind).where(sql`status = 'running'`), index('kolada_runs_kind_started').on(t.kind, t.startedAt)],
);

/**
 * What a sync has fetched: per KPI and municipality, the date of the last sync that fetched it,
 * sent as Kolada's from_date next time so only data updated since is asked for.
 */
export const koladaSyncState = pgTable(
  'kolada_sync_state',
  {
    kpi: text('kpi').notNull(),
    municipality: text('municipality').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kpi, t.municipality] })],
);

/**
 * A measure's link to Kolada KPIs (issue 15.4): per municipality, per indicator key or volume
 * measure, so every plan that shows the measure (this period's, next period's) shares it. Not plan
 * content: an adopted plan's measures may be linked. Versioned for If-Match; changes audited.
 */
export const koladaLinks = pgTable(
  'kolada_links',
  {
    id: serial('id').primaryKey(),
    municipality: text('municipality').notNull(), // the plans' municipality code, "2262"
    itemType: text('item_type').notNull(), // indicator, volume
    measure: text('measure').notNull(), // the indicator's key or the volume row's measure
    /** [{ kpi: "N31807", group: "ekonomiskt bistånd" }]: the KPIs, each with its comparison group (area, title or id). */
    kpis: jsonb('kpis').$type<Array<{ kpi: string; group: string | null }>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kolada_links_measure').on(t.municipality, t.itemType, t.measure)],
);
