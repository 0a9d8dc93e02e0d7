/**
 * Request and response shapes of follow-up rounds (uppföljningsomgångar), shared by the API's
 * validation and OpenAPI document and the web app's typed client.
 */
import { z } from 'zod';
import { PeriodField } from '../domain/period-field.ts';
import { PlanFileSchema } from '../domain/plan.ts';
import { assignmentStatuses } from '../domain/rounds/assignment-status.ts';
import { itemKinds } from '../domain/rounds/items.ts';
import { roundStatuses } from '../domain/rounds/lifecycle.ts';
import type { RoundReportContent as ContentType } from '../domain/rounds/report-content.ts';
import { templateParts, type RoundTemplate as TemplateType } from '../domain/rounds/template.ts';
import { PlanKeyParams } from './api.ts';
import { sameShape, type Exactly } from './shape.ts';

const key = z.string().regex(/^[a-z0-9][a-z0-9._:-]*$/, 'Nyckeln får bara innehålla a–z, 0–9 och . _ : -').max(120);
const isoDate = z.iso.date('Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2017-09-15');

export const RoundTemplate = z
  .object({
    parts: z.array(z.enum(templateParts)).max(templateParts.length).describe('vad enheterna ska skriva'),
    sections: z.array(z.object({ key, heading: z.string().min(1, 'Rubriken får inte vara tom').max(200) }).strict()).max(10).describe('fria avsnitt, t.ex. "Viktiga händelser"'),
  })
  .strict();

export const RoundParams = PlanKeyParams.extend({ period: PeriodField });
export const AssignmentParams = RoundParams.extend({ node: z.string().min(1).max(120) });
export const AssignmentItemParams = AssignmentParams.extend({ item: z.string().min(1).max(300) });
export const RoundDocumentParams = RoundParams.extend({ format: z.enum(['pdf', 'docx', 'xlsx', 'html']) });

export const OpenRoundRequest = z
  .object({
    period: PeriodField.describe('ÅÅÅÅ-MM, ÅÅÅÅ-T1, ÅÅÅÅ-H1, ÅÅÅÅ-Q1 eller ÅÅÅÅ'),
    deadline: isoDate.describe('sista dag, ÅÅÅÅ-MM-DD'),
    reminderDays: z.number().int().min(0).max(60).optional().describe('dagar före sista dag då påminnelsen går (standard 3)'),
    template: RoundTemplate.optional().describe('standard efter periodens slag'),
    responsible: z.record(z.string().max(120), z.string().min(1).max(64)).optional().describe('ansvarigt konto per nod, där standardvalet inte ska gälla'),
  })
  .strict();

export const RoundChange = z
  .object({ deadline: isoDate.optional(), reminderDays: z.number().int().min(0).max(60).optional() })
  .strict();

export const ItemWrite = z
  .object({
    text: z.string().max(20_000).describe('ren text; tom rad skiljer stycken'),
    assessment: z.string().max(40).nullable().default(null).describe('bedömning där delen har en'),
  })
  .strict();

export const SendBackRequest = z.object({ comment: z.string().max(2_000).describe('vad som behöver göras') }).strict();
export const ResponsibleChange = z.object({ responsible: z.string().min(1).max(64) }).strict();

export const RoundDecision = z
  .object({
    date: isoDate,
    body: z.string().min(1, 'Ange beslutande organ').max(200),
    paragraph: z.string().min(1, 'Ange paragraf, t.ex. "SN § 45"').max(60),
    caseNumber: z.string().max(60).optional(),
  })
  .strict();

export const RoundStepBody = z
  .object({
    decision: RoundDecision.optional().describe('krävs för att fastställa'),
    includeUnfinished: z.boolean().optional().describe('lämna in fast alla uppdrag inte är klara'),
  })
  .strict()
  .nullish();

export const MailAddressBody = z.object({ address: z.string().max(254).nullable() }).strict();
export const MailAddress = z.object({ username: z.string(), address: z.string().nullable() });

const SentBack = z.object({ at: z.string(), by: z.string(), comment: z.string() });

export const AssignmentSummary = z.object({
  node: z.string(),
  nodeName: z.string(),
  responsible: z.string().nullable(),
  responsibleName: z.string().nullable(),
  status: z.enum(assignmentStatuses),
  overdue: z.boolean(),
  items: z.number().int(),
  missing: z.number().int(),
  doneAt: z.string().nullable(),
  sentBack: SentBack.nullable(),
  version: z.number().int(),
});

export const RoundView = z.object({
  plan: z.string(),
  period: z.string(),
  title: z.string().describe('"Delårsrapport januari–augusti 2017"'),
  status: z.enum(roundStatuses),
  deadline: z.string(),
  reminderDays: z.number().int(),
  template: RoundTemplate,
  owner: z.string(),
  openedAt: z.string(),
  decision: RoundDecision.nullable(),
  version: z.number().int(),
  today: z.string().describe('dagens datum enligt serverns klocka'),
  counts: z.record(z.enum(assignmentStatuses), z.number().int()),
  overdue: z.number().int(),
  assignments: z.array(AssignmentSummary),
});

export const RoundList = z.object({ rounds: z.array(RoundView) });

const Earlier = z.object({ period: z.string(), text: z.string(), assessment: z.string().nullable(), writtenBy: z.string() });

export const AssignmentItemView = z.object({
  key: z.string(),
  kind: z.enum(itemKinds),
  subject: z.string(),
  label: z.string(),
  text: z.string(),
  assessment: z.string().nullable(),
  version: z.number().int().describe('ETag för delen; 0 innan något skrivits'),
  writtenBy: z.string().nullable(),
  writtenAt: z.string().nullable(),
  missing: z.array(z.string()),
  previous: Earlier.nullable().describe('samma del i förra omgången'),
  withinYear: z.array(Earlier).describe('årets kortare omgångar (helårsomgång)'),
});

export const AssignmentView = AssignmentSummary.extend({
  plan: z.string(),
  period: z.string(),
  title: z.string(),
  roundStatus: z.enum(roundStatuses),
  deadline: z.string(),
  today: z.string(),
  items: z.array(AssignmentItemView),
  may: z.object({ write: z.boolean(), review: z.boolean(), manage: z.boolean() }),
});

export const ItemSaved = z.object({ key: z.string(), text: z.string(), assessment: z.string().nullable(), version: z.number().int() });

export const MyAssignmentList = z.object({
  assignments: z.array(AssignmentSummary.extend({ plan: z.string(), planTitle: z.string(), period: z.string(), title: z.string(), roundStatus: z.enum(roundStatuses), deadline: z.string() })),
});

export const NoticeList = z.object({
  unread: z.number().int(),
  notices: z.array(z.object({ id: z.number().int(), kind: z.string(), message: z.string(), plan: z.string(), period: z.string(), node: z.string(), createdAt: z.string(), read: z.boolean() })),
});

export const RoundStepResult = z.object({ status: z.enum(roundStatuses), version: z.number().int() });

const Contribution = z.object({ key: z.string(), kind: z.enum(itemKinds), subject: z.string(), label: z.string(), text: z.string(), assessment: z.string().nullable(), writtenBy: z.string(), writtenAt: z.string() });

export const RoundReportContent = z.object({
  format: z.literal('styrkort-round'),
  formatVersion: z.literal(1),
  round: z.object({ planKey: z.string(), period: z.string(), deadline: z.string(), status: z.enum(roundStatuses), template: RoundTemplate, owner: z.string(), decision: RoundDecision.nullable() }),
  plan: PlanFileSchema,
  assignments: z.array(z.object({ node: z.string(), nodeName: z.string(), responsible: z.string().nullable(), doneAt: z.string().nullable(), contributions: z.array(Contribution) })),
});

// The contract says exactly what the domain holds: a field added on one side fails the type check.
sameShape<Exactly<z.infer<typeof RoundTemplate>, TemplateType>>();
sameShape<Exactly<z.infer<typeof RoundReportContent>, ContentType>>();
