/**
 * Reads Kolada API objects (v3, and v2 as the shared files hold them) into the model: KPIs,
 * municipalities, municipality and KPI groups, and data rows with their values per gender.
 * Every problem is returned with where it is, in Swedish; nothing is guessed (a value that is not
 * a number is a problem, not a 0).
 */
import type { Problem } from '../errors.ts';
import { emptyBatch, genders, isKpiId, isMunicipalityId, type Gender, type KoladaBatch, type KoladaGroup, type KoladaKpi } from './model.ts';

type Json = Record<string, unknown>;

/** Collects problems with where they are ("fil.json: $.values[3].period"). */
export class ProblemList {
  readonly problems: Problem[] = [];
  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Kolada writes flags as 0/1, true/false or "True"/"False" depending on version and flattening. */
export function readFlag(value: unknown): boolean | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (value === true || value === 1 || value === '1' || value === 'true' || value === 'True') return true;
  if (value === false || value === 0 || value === '0' || value === 'false' || value === 'False') return false;
  return 'invalid';
}

/** A date as 'YYYY-MM-DD' (a timestamp is cut to its date), null when empty, 'invalid' otherwise. */
export function readDate(value: unknown): string | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return 'invalid';
  const match = /^(\d{4}-\d{2}-\d{2})([T ].*)?$/.exec(value);
  return match ? match[1]! : 'invalid';
}

/** A year from a number or a string ("2022", 2022), or null. */
export function readYear(value: unknown): number | null {
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year >= 1900 && year <= 2100 ? year : null;
}

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A value as a decimal string; null stays null; anything else is 'invalid'. */
export function readDecimal(value: unknown): string | null | 'invalid' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'invalid';
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    return DECIMAL.test(trimmed) ? trimmed : 'invalid';
  }
  return 'invalid';
}

function readKpi(object: Json, path: string, problems: ProblemList): KoladaKpi | null {
  const id = text(object.id);
  const title = text(object.title);
  if (!id || !isKpiId(id)) problems.add(`${path}.id`, `Nyckeltalets id ska vara en versal och siffror (t.ex. N31807), fick ${JSON.stringify(object.id)}`);
  if (!title) problems.add(`${path}.title`, 'Nyckeltalet saknar titel');
  const flag = (field: string) => {
    const flagValue = readFlag(object[field]);
    if (flagValue === 'invalid') problems.add(`${path}.${field}`, `${field} ska vara 0/1 eller true/false, fick ${JSON.stringify(object[field])}`);
    return flagValue === 'invalid' ? null : flagValue;
  };
  const day = (field: string) => {
    const dateValue = readDate(object[field]);
    if (dateValue === 'invalid') problems.add(`${path}.${field}`, `${field} ska vara ett datum ÅÅÅÅ-MM-DD, fick ${JSON.stringify(object[field])}`);
    return dateValue === 'invalid' ? null : dateValue;
  };
  const kpi: KoladaKpi = {
    id: id ?? '',
    title: title ?? '',
    description: text(object.description),
    definition: text(object.definition),
    operatingArea: text(object.operating_area),
    perspective: text(object.perspective),
    municipalityType: text(object.municipality_type),
    isDividedByGender: flag('is_divided_by_gender'),
    hasOuData: flag('has_ou_data'),
    auspices: text(object.auspices),
    publicationDate: day('publication_date'),
    ouPublicationDate: day('ou_publication_date'),
    prelPublicationDate: day('prel_publication_date'),
    publPeriod: text(object.publ_period),
  };
  return id && isKpiId(id) && title ? kpi : null;
}

function readGroup(object: Json, path: string, problems: ProblemList): { group: KoladaGroup; kind: 'municipality' | 'kpi' } | null {
  const id = text(object.id);
  const title = text(object.title);
  if (!id) problems.add(`${path}.id`, 'Gruppen saknar id');
  if (!title) problems.add(`${path}.title`, 'Gruppen saknar titel');
  const members: KoladaGroup['members'] = [];
  (object.members as unknown[]).forEach((member, index) => {
    const memberId = isObject(member) ? text(member.member_id ?? member.id) : null;
    if (!memberId) problems.add(`${path}.members[${index}]`, 'Gruppmedlemmen saknar member_id');
    else members.push({ id: memberId, title: isObject(member) ? text(member.member_title ?? member.title) : null });
  });
  const allKpis = members.length > 0 && members.every((m) => isKpiId(m.id));
  const allMunicipalities = members.every((m) => isMunicipalityId(m.id));
  if (!allKpis && !allMunicipalities) {
    problems.add(`${path}.members`, 'Gruppens medlemmar är varken bara kommuner (fyra siffror) eller bara nyckeltal (t.ex. N31807)');
    return null;
  }
  if (!id || !title) return null;
  const kind = allKpis || (members.length === 0 && /KPI/.test(id)) ? 'kpi' : 'municipality';
  return { group: { id, title, members }, kind };
}

function readGender(value: unknown): Gender | null {
  return typeof value === 'string' && (genders as readonly string[]).includes(value) ? (value as Gender) : null;
}

function readDataRow(object: Json, path: string, problems: ProblemList, batch: KoladaBatch): void {
  if ('ou' in object) {
    problems.add(path, 'Data per organisatorisk enhet (oudata) läses inte in; hämta data per kommun (/data/…)');
    return;
  }
  const kpi = text(object.kpi);
  const municipality = text(object.municipality);
  const year = readYear(object.period);
  let ok = true;
  if (!kpi || !isKpiId(kpi)) ok = fail(problems, `${path}.kpi`, `kpi ska vara ett nyckeltals id (t.ex. N31807), fick ${JSON.stringify(object.kpi)}`);
  if (!municipality || !isMunicipalityId(municipality)) {
    ok = fail(problems, `${path}.municipality`, `municipality ska vara en kommunkod med fyra siffror som text (t.ex. "0114"), fick ${JSON.stringify(object.municipality)}`);
  }
  if (year === null) ok = fail(problems, `${path}.period`, `period ska vara ett år (t.ex. 2022), fick ${JSON.stringify(object.period)}`);
  const values = object.values ?? [];
  if (!Array.isArray(values)) ok = fail(problems, `${path}.values`, 'values ska vara en lista med ett värde per kön');
  if (!ok || !Array.isArray(values)) return;
  const deleted = readFlag(object.isdeleted) === true;
  const seen: Gender[] = [];
  values.forEach((entry: unknown, index) => {
    const where = `${path}.values[${index}]`;
    if (!isObject(entry)) return void problems.add(where, 'Värdet ska vara ett objekt {gender, value}');
    const gender = readGender(entry.gender);
    const value = readDecimal(entry.value);
    const count = entry.count === undefined || entry.count === null ? null : Number(entry.count);
    if (gender === null) return void problems.add(`${where}.gender`, `gender ska vara T, K eller M, fick ${JSON.stringify(entry.gender)}`);
    if (value === 'invalid') return void problems.add(`${where}.value`, `value ska vara ett tal eller null, fick ${JSON.stringify(entry.value)}`);
    if (count !== null && !Number.isInteger(count)) return void problems.add(`${where}.count`, `count ska vara ett heltal, fick ${JSON.stringify(entry.count)}`);
    seen.push(gender);
    if (!deleted) batch.values.push({ kpi: kpi!, municipality: municipality!, year: year!, gender, value, status: text(entry.status), count });
  });
  if (deleted) batch.deletions.push({ kpi: kpi!, municipality: municipality!, year: year!, genders: seen.length ? seen : null });
}

function fail(problems: ProblemList, path: string, message: string): false {
  problems.add(path, message);
  return false;
}

/** Reads a list of API objects of any kind into a batch; `pathOf(i)` says where object i is. */
export function readApiObjects(objects: unknown[], pathOf: (index: number) => string, problems: ProblemList): KoladaBatch {
  const batch = emptyBatch();
  objects.forEach((object, index) => {
    const path = pathOf(index);
    if (!isObject(object)) return void problems.add(path, 'Ska vara ett Kolada-objekt');
    if ('period' in object && ('kpi' in object || 'ou' in object)) return readDataRow(object, path, problems, batch);
    if (Array.isArray(object.members)) {
      const read = readGroup(object, path, problems);
      if (!read) return;
      if (read.kind === 'kpi') batch.kpiGroups.push(read.group);
      else if (readFlag(object.isdeleted) === true) batch.deletedGroups.push(read.group.id);
      else batch.municipalityGroups.push(read.group);
      return;
    }
    if ('operating_area' in object || 'is_divided_by_gender' in object || 'municipality_type' in object || 'perspective' in object) {
      const kpi = readKpi(object, path, problems);
      if (kpi) batch.kpis.push(kpi);
      return;
    }
    if ('id' in object && 'title' in object && 'type' in object) {
      const id = text(object.id);
      const title = text(object.title);
      if (!id || !/^\d{4}$/.test(id)) return void problems.add(`${path}.id`, `Kommunens id ska vara fyra siffror som text (t.ex. "0114"), fick ${JSON.stringify(object.id)}`);
      if (!title) return void problems.add(`${path}.title`, 'Kommunen saknar namn (title)');
      batch.municipalities.push({ id, title, type: text(object.type) });
      return;
    }
    problems.add(path, 'Okänt Kolada-objekt: väntade nyckeltal (kpi), kommun (municipality), grupp (members) eller data (kpi, municipality, period, values)');
  });
  return batch;
}

/** One page of an API answer: its objects and the address of the next page (null on the last). */
export interface ApiPage {
  values: unknown[];
  nextUrl: string | null;
  count: number | null;
}

/** Reads an API answer's envelope `{values, count, next_url}` (v2: `next_page`), or says what is wrong. */
export function readApiEnvelope(json: unknown): ApiPage | string {
  if (!isObject(json)) return 'svaret är inte ett JSON-objekt med "values"';
  if (!Array.isArray(json.values)) return 'svaret saknar listan "values"';
  const next = json.next_url ?? json.next_page ?? null;
  if (next !== null && typeof next !== 'string') return '"next_url" är varken en adress eller tom';
  const count = typeof json.count === 'number' ? json.count : null;
  return { values: json.values, nextUrl: next ? next : null, count };
}

/** Whether a parsed JSON value is an API answer's envelope rather than a bare list of objects. */
export function isApiEnvelope(json: unknown): boolean {
  return isObject(json) && Array.isArray(json.values);
}
