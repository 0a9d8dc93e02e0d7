/**
 * Swedish messages for schema validation problems, worded for the people who fill in plans
 * (zod's own Swedish locale is the fallback for rarer cases).
 */
import { z } from 'zod';
import { formatPath, type Problem } from './errors.ts';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'sant eller falskt',
  object: 'ett objekt',
  record: 'ett objekt',
  map: 'ett objekt',
  set: 'en lista',
  tuple: 'en lista',
  array: 'en lista',
  date: 'ett datum',
  bigint: 'ett heltal',
  literal: 'ett bestämt värde',
  enum: 'ett av de tillåtna värdena',
  null: 'null',
  undefined: 'saknas',
};

function received(input: unknown): string {
  if (input === undefined) return 'saknas';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'en lista';
  if (typeof input === 'number' && Number.isNaN(input)) return 'inte ett tal';
  return typeNames[typeof input] ?? typeof input;
}

const swedishLocale = z.locales.sv().localeError;

/** The error map passed to zod: one clear Swedish sentence per problem. */
export const swedishErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Obligatoriskt fält saknas';
      // JSON reads 1e309 as Infinity: a number, but not one Styrkort can hold.
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input) && !Number.isNaN(issue.input)) return 'Talet är för stort';
      if (issue.expected === 'int' && typeof issue.input === 'number' && Number.isFinite(issue.input)) return `Ska vara ett heltal, men är ${String(issue.input).replace('.', ',')}`;
      return `Ska vara ${typeNames[issue.expected] ?? 'ett annat slags värde'}, men är ${received(issue.input)}`;
    case 'invalid_key':
      return `Ogiltigt fältnamn: ${issue.issues.map((inner) => inner.message).join('; ')}`;
    case 'invalid_format':
      if (issue.format === 'date') return 'Ogiltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2019-11-26';
      if (issue.format === 'regex') return 'Har fel form';
      return `Har fel form (ska vara ${issue.format})`;
    case 'invalid_union':
      return 'Värdet passar inte något av de tillåtna slagen';
    case 'unrecognized_keys':
      return `Okänt fält: ${issue.keys.map((key) => `"${key}"`).join(', ')} (stavfel, eller hör fältet hemma någon annanstans?)`;
    case 'invalid_value':
      return `Ogiltigt värde; tillåtna värden är ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) <= Number.MIN_SAFE_INTEGER) return 'Talet är för litet';
      return issue.origin === 'string' ? 'Får inte vara tom' : `Minst ${String(issue.minimum)}`;
    case 'too_big':
      // An integer field's own limit is the largest exact integer; no one means 9007199254740991.
      if (issue.origin === 'number' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return 'Talet är för stort';
      return issue.origin === 'string' ? `Högst ${String(issue.maximum)} tecken` : `Högst ${String(issue.maximum)}`;
    default: {
      const fallback = swedishLocale(issue);
      return typeof fallback === 'string' ? fallback : (fallback?.message ?? 'Ogiltigt värde');
    }
  }
};

/** Zod issues as problems with JSON paths ("$.goals[3].text") and Swedish messages. */
export function issuesToProblems(issues: ReadonlyArray<z.core.$ZodIssue>): Problem[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, code: issue.code }));
}
