/**
 * Request and response shapes of the Kolada API (/api/kolada/…), shared by the server (validation,
 * OpenAPI) and the web app. Figures are JSON numbers; a missing value is null, never 0.
 */
import { z } from 'zod';
import { linkItemTypes, type PlanLinks } from '../domain/kolada/links.ts';
import { sameShape, type Exactly, type Wire } from './shape.ts';

const KpiId = z.string().regex(/^[A-Za-z]\d{3,}$/, 'Ange nyckeltalets id, t.ex. N31807').transform((id) => id.toUpperCase());
const Gender = z.enum(['T', 'K', 'M']).describe('T totalt, K kvinnor, M män');
const Figure = z.number().nullable().describe('null när värde saknas (aldrig 0)');

export const KoladaCompareQuery = z
  .object({
    kpi: KpiId,
    year: z.coerce.number().int().min(1900).max(2100),
    municipality: z.string().min(1).max(60).optional().describe('kommunkod (2262) eller namn; standard: den egna kommunen'),
    group: z.string().min(1).max(200).optional().describe('jämförelsegrupp: område ("IFO"), titel eller id; standard: övergripande'),
    gender: Gender.default('T'),
    order: z.enum(['lowest-first', 'highest-first']).default('lowest-first').describe('vilken ände av rangordningen som är plats 1'),
  })
  .strict();

export const KoladaSeriesQuery = KoladaCompareQuery.omit({ year: true });

const Place = z.object({ id: z.string(), title: z.string() });

export const KoladaGroupStatistics = z.object({
  members: z.number().int(),
  withValues: z.number().int(),
  missing: z.array(Place).describe('medlemmar utan värde: räknas inte in'),
  mean: Figure.describe('ovägt medelvärde'),
  min: Figure,
  lowerQuartile: Figure,
  median: Figure,
  upperQuartile: Figure,
  max: Figure,
});

export const KoladaComparisonYear = z.object({
  year: z.number().int(),
  gender: Gender,
  own: Place.extend({ value: Figure }),
  country: Figure,
  group: z
    .object({
      id: z.string(),
      title: z.string(),
      ownIsMember: z.boolean(),
      statistics: KoladaGroupStatistics,
      ownPlace: z.object({ place: z.number().int(), of: z.number().int(), tiedWith: z.number().int() }).nullable(),
      ranking: z.array(Place.extend({ value: z.number(), place: z.number().int(), isOwn: z.boolean() })),
    })
    .nullable(),
});

export const KoladaKpiSummary = z.object({
  id: z.string(),
  title: z.string(),
  operatingArea: z.string().nullable(),
  perspective: z.string().nullable(),
  isDividedByGender: z.boolean().nullable(),
  publicationDate: z.string().nullable().describe('ÅÅÅÅ-MM-DD, för "Källa: Kolada, publicerad …"'),
});

export const KoladaComparisonGroup = z.object({ id: z.string(), title: z.string(), area: z.string(), year: z.number().int() });

const ComparisonContext = z.object({
  kpi: z.object({ id: z.string(), title: z.string().nullable(), description: z.string().nullable(), publicationDate: z.string().nullable(), isDividedByGender: z.boolean().nullable() }),
  municipality: Place,
  order: z.enum(['lowest-first', 'highest-first']),
  comparisonGroups: z.array(KoladaComparisonGroup),
  source: z.string().describe('källhänvisning att visa'),
});

export const KoladaComparison = ComparisonContext.extend({ comparison: KoladaComparisonYear });
export const KoladaSeries = ComparisonContext.extend({ years: z.array(KoladaComparisonYear) });

export const KoladaKpiSearchQuery = z.object({ q: z.string().trim().min(1, 'Skriv ett id eller några ord').max(200), limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();
export const KoladaKpiSearchResult = z.object({ kpis: z.array(KoladaKpiSummary.extend({ hasValues: z.boolean().describe('värden finns inlästa') })) });

export const KoladaGroupsQuery = z.object({ municipality: z.string().min(1).max(60).optional() }).strict();
export const KoladaGroups = z.object({ municipality: Place, groups: z.array(KoladaComparisonGroup.extend({ members: z.array(Place) })) });

const KoladaRun = z.object({
  id: z.number().int(),
  kind: z.enum(['import', 'sync']),
  trigger: z.string(),
  status: z.enum(['running', 'ok', 'failed', 'interrupted']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  message: z.string().nullable(),
  request: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()),
  unitsDone: z.number().int(),
});

export const KoladaSyncStatus = z.object({
  schedule: z.object({ setting: z.string().describe('STYRKORT_KOLADA_SYNC: off, daily eller weekly'), nextDue: z.string().nullable() }),
  baseUrl: z.string(),
  lastSync: KoladaRun.nullable(),
  runs: z.array(KoladaRun),
  stored: z.record(z.string(), z.number().int()),
});

const LinkItemType = z.enum(linkItemTypes).describe('indicator (styrtal, med nyckeln) eller volume (volymmått, med måttet)');

export const KoladaLinkParams = z.object({ plan: z.string().min(1).max(100), type: LinkItemType, measure: z.string().min(1).max(100) }).strict();

export const KoladaLinkBody = z
  .object({
    kpis: z
      .array(z.object({ kpi: z.string().min(1).max(20), group: z.string().max(200).nullable().optional().describe('jämförelsegrupp: område ("IFO"), titel eller id; tomt: övergripande') }).strict())
      .max(100)
      .describe('nyckeltalen måttet jämförs med; en tom lista tar bort kopplingen'),
  })
  .strict();

const LinkedKpi = z.object({
  kpi: z.string(),
  group: z.string().nullable(),
  title: z.string().nullable(),
  publicationDate: z.string().nullable(),
  source: z.string().describe('"Källa: Kolada, publicerad ÅÅÅÅ-MM-DD"'),
  hasValues: z.boolean(),
});

export const KoladaMeasureLink = z.object({
  itemType: LinkItemType,
  measure: z.string(),
  label: z.string(),
  number: z.string().nullable(),
  unit: z.string().nullable(),
  source: z.string().nullable(),
  direction: z.enum(['higher-better', 'lower-better', 'closer-better']).nullable(),
  node: z.string(),
  kpis: z.array(LinkedKpi),
  version: z.number().int().describe('kopplingens version (ETag); 0 när måttet inte är kopplat'),
});

export const KoladaPlanLinks = z.object({ planKey: z.string(), municipality: z.string(), measures: z.array(KoladaMeasureLink) });
sameShape<Exactly<z.infer<typeof KoladaPlanLinks>, Wire<PlanLinks>>>();

export const KoladaLinkResult = z.object({ version: z.number().int(), kpis: z.array(z.object({ kpi: z.string(), group: z.string().nullable() })) });

export type KoladaMeasureLink = z.infer<typeof KoladaMeasureLink>;
export type KoladaPlanLinks = z.infer<typeof KoladaPlanLinks>;

export type KoladaComparisonYear = z.infer<typeof KoladaComparisonYear>;
export type KoladaComparison = z.infer<typeof KoladaComparison>;
export type KoladaSeries = z.infer<typeof KoladaSeries>;
export type KoladaSyncStatus = z.infer<typeof KoladaSyncStatus>;
