/**
 * Kolada's things as Styrkort holds them: KPIs (nyckeltal), municipalities, groups and values.
 * Ids stay the strings Kolada writes ("0000" is the country, "0114" Upplands Väsby), and a value
 * Kolada does not have is null — never 0.
 */

/** Kolada's gender split: T total (totalt), K women (kvinnor), M men (män). */
export const genders = ['T', 'K', 'M'] as const;
export type Gender = (typeof genders)[number];

/** The country (riket) as a Kolada "municipality". */
export const COUNTRY_ID = '0000';

export const genderNames: Record<Gender, string> = { T: 'totalt', K: 'kvinnor', M: 'män' };

export interface KoladaKpi {
  id: string;
  title: string;
  description: string | null;
  definition: string | null;
  operatingArea: string | null;
  perspective: string | null;
  municipalityType: string | null;
  isDividedByGender: boolean | null;
  hasOuData: boolean | null;
  auspices: string | null;
  /** 'YYYY-MM-DD' */
  publicationDate: string | null;
  ouPublicationDate: string | null;
  prelPublicationDate: string | null;
  publPeriod: string | null;
}

export interface KoladaMunicipality {
  id: string;
  title: string;
  type: string | null;
}

/** A municipality group or a KPI group: members by id, with the title the group gives them. */
export interface KoladaGroup {
  id: string;
  title: string;
  members: Array<{ id: string; title: string | null }>;
}

export interface KoladaValue {
  kpi: string;
  municipality: string;
  year: number;
  gender: Gender;
  /** The value as a decimal string ("2.900755"), or null when Kolada has none. */
  value: string | null;
  status: string | null;
  count: number | null;
}

/** A data row Kolada marks `isdeleted`: its values go (all genders when it names none). */
export interface KoladaDeletion {
  kpi: string;
  municipality: string;
  year: number;
  genders: Gender[] | null;
}

/** Everything one file or one API answer holds, ready to store. */
export interface KoladaBatch {
  kpis: KoladaKpi[];
  municipalities: KoladaMunicipality[];
  municipalityGroups: KoladaGroup[];
  kpiGroups: KoladaGroup[];
  values: KoladaValue[];
  deletions: KoladaDeletion[];
  /** Municipality groups marked `isdeleted`. */
  deletedGroups: string[];
}

/** An empty batch, to fill. */
export function emptyBatch(): KoladaBatch {
  return { kpis: [], municipalities: [], municipalityGroups: [], kpiGroups: [], values: [], deletions: [], deletedGroups: [] };
}

/** Several batches as one, in order (later files win where they repeat a value). */
export function mergeBatches(batches: KoladaBatch[]): KoladaBatch {
  const merged = emptyBatch();
  for (const batch of batches) {
    for (const key of Object.keys(merged) as Array<keyof KoladaBatch>) (merged[key] as unknown[]).push(...batch[key]);
  }
  return merged;
}

/** How many things a batch holds, for messages. */
export function batchCounts(batch: KoladaBatch): Record<keyof KoladaBatch, number> {
  return {
    kpis: batch.kpis.length,
    municipalities: batch.municipalities.length,
    municipalityGroups: batch.municipalityGroups.length,
    kpiGroups: batch.kpiGroups.length,
    values: batch.values.length,
    deletions: batch.deletions.length,
    deletedGroups: batch.deletedGroups.length,
  };
}

/** A Kolada municipality id: four digits ("0000", "2262"), or a group id ("G36671"). */
export function isMunicipalityId(id: string): boolean {
  return /^\d{4}$/.test(id) || /^G\d+$/.test(id);
}

/** A Kolada KPI id: a capital letter and digits ("N31807", "U21468"). */
export function isKpiId(id: string): boolean {
  return /^[A-Z]\d{3,}$/.test(id);
}
