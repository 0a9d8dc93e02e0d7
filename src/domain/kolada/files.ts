/**
 * Reads Kolada files as they are saved: API answers (v3 `{values, next_url}`, v2 `next_page`),
 * bare lists of API objects (pykolada's dumps), and the CSV flattenings of the ddf--kolada dump
 * (KPI metadata `concept,name,…`; values `geo,year[,gender],<kpi>…`). Problems come back with the
 * file and line (CSV) or JSON path, in Swedish.
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from '../errors.ts';
import { isApiEnvelope, ProblemList, readApiObjects, readDecimal, readYear } from './api-objects.ts';
import { jsonErrorOffset, lineAndColumn } from './json-position.ts';
import { emptyBatch, genders, isKpiId, type Gender, type KoladaBatch } from './model.ts';

export interface KoladaFileRead {
  batch: KoladaBatch;
  problems: Problem[];
}

/** Reads one file's text; `name` is used in messages and to tell CSV from JSON. */
export function readKoladaFile(name: string, text: string): KoladaFileRead {
  const content = text.replace(/^\uFEFF/, '');
  const isJson = /\.json$/i.test(name) || (!/\.csv$/i.test(name) && /^\s*[[{]/.test(content));
  return isJson ? readJsonFile(name, content) : readCsvFile(name, content);
}

function readJsonFile(name: string, text: string): KoladaFileRead {
  const problems = new ProblemList();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text) ?? text.length;
    const { line, column } = lineAndColumn(text, offset);
    problems.add(`${name}:${line}:${column}`, 'Filen är inte giltig JSON här (avbruten eller trasig fil?)');
    return { batch: emptyBatch(), problems: problems.problems };
  }
  let batch = emptyBatch();
  if (isApiEnvelope(json)) {
    const values = (json as { values: unknown[] }).values;
    batch = readApiObjects(values, (i) => `${name}: $.values[${i}]`, problems);
  } else if (Array.isArray(json)) {
    batch = readApiObjects(json, (i) => `${name}: $[${i}]`, problems);
  } else if (typeof json === 'object' && json !== null) {
    batch = readApiObjects([json], () => `${name}: $`, problems);
  } else {
    problems.add(`${name}: $`, 'Väntade ett svar från Kolada ({"values": […]}) eller en lista med Kolada-objekt');
  }
  return { batch, problems: problems.problems };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function readCsvFile(name: string, text: string): KoladaFileRead {
  const problems = new ProblemList();
  const records: CsvRecord[] = [];
  try {
    const lines: number[] = [];
    const parsed = parse(text, {
      bom: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
    parsed.forEach((record, i) => records.push({ record, info: { lines: lines[i]! } }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.add(`${name}:${line}`, `CSV-filen går inte att läsa här: ${csvErrorText(error)}`);
    return { batch: emptyBatch(), problems: problems.problems };
  }
  const [header, ...rows] = records;
  if (!header) {
    problems.add(`${name}:1`, 'CSV-filen är tom');
    return { batch: emptyBatch(), problems: problems.problems };
  }
  const columns = header.record.map((column) => column.trim());
  if (columns.includes('concept') || (columns.includes('id') && columns.includes('title'))) {
    return { batch: readKpiCsv(name, columns, rows, problems), problems: problems.problems };
  }
  if (columns[0] === 'geo' && columns[1] === 'year') {
    return { batch: readValueCsv(name, columns, rows, problems), problems: problems.problems };
  }
  problems.add(
    `${name}:1`,
    `Okänd CSV-rubrik "${columns.join(',')}". Läses: nyckeltal (concept,name,description,…) och värden (geo,year[,gender],<nyckeltal>…)`,
  );
  return { batch: emptyBatch(), problems: problems.problems };
}

function csvErrorText(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'ett citattecken stängs aldrig';
  if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return 'raden har fel antal kolumner';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'tecken direkt efter ett avslutande citattecken';
  return (error as Error).message;
}

/** KPI metadata rows become API-shaped objects, so one reader checks both. */
function readKpiCsv(name: string, columns: string[], rows: CsvRecord[], problems: ProblemList): KoladaBatch {
  const renamed = columns.map((column) => (column === 'concept' ? 'id' : column === 'name' ? 'title' : column));
  const objects = rows.map(({ record }) => Object.fromEntries(renamed.map((column, i) => [column, record[i] ?? ''])));
  // Mark each row as a KPI even when the file lacks the columns that tell KPIs apart.
  for (const object of objects) object.operating_area ??= '';
  return readApiObjects(objects, (i) => `${name}:${rows[i]!.info.lines}`, problems);
}

function readValueCsv(name: string, columns: string[], rows: CsvRecord[], problems: ProblemList): KoladaBatch {
  const batch = emptyBatch();
  const hasGender = columns[2] === 'gender';
  const kpiColumns = columns.slice(hasGender ? 3 : 2).map((column) => column.toUpperCase());
  const badKpi = kpiColumns.find((kpi) => !isKpiId(kpi));
  if (kpiColumns.length === 0 || badKpi !== undefined) {
    problems.add(`${name}:1`, `Kolumnerna efter geo,year${hasGender ? ',gender' : ''} ska vara nyckeltals id (t.ex. n31807)${badKpi ? `, fick "${badKpi}"` : ''}`);
    return batch;
  }
  for (const { record, info } of rows) {
    const where = `${name}:${info.lines}`;
    const municipality = record[0]!.trim();
    const year = readYear(record[1]);
    const gender = hasGender ? record[2]!.trim() : 'T';
    if (!/^\d{4}$/.test(municipality)) {
      const hint = /^\d{1,3}$/.test(municipality) ? '; den inledande nollan kan ha försvunnit i ett kalkylprogram' : '';
      problems.add(where, `geo ska vara en kommunkod med fyra siffror (t.ex. 0114), fick "${municipality}"${hint}`);
      continue;
    }
    if (year === null) {
      problems.add(where, `year ska vara ett år (t.ex. 2022), fick "${record[1]}"`);
      continue;
    }
    if (!(genders as readonly string[]).includes(gender)) {
      problems.add(where, `gender ska vara T, K eller M, fick "${gender}"`);
      continue;
    }
    kpiColumns.forEach((kpi, i) => {
      const raw = record[(hasGender ? 3 : 2) + i];
      const value = readDecimal(raw);
      if (value === 'invalid') return void problems.add(where, `värdet för ${kpi} ska vara ett tal med punkt som decimaltecken, eller tomt; fick "${raw}"`);
      batch.values.push({ kpi, municipality, year, gender: gender as Gender, value, status: null, count: null });
    });
  }
  return batch;
}
