/**
 * The words of the target grammar and what each asks of an outcome. One table per kind of word,
 * so a new phrasing seen in a real plan is one line here (docs/targets.md lists the sources).
 */
import type { Direction, ExternalRelation, Relation } from './types.ts';

/** Words before a value that make it a floor or a ceiling, longest first so "mindre än" wins over shorter words. */
export const QUALIFIERS_BEFORE: Record<string, Relation> = {
  'uppgå till minst': 'at-least',
  'ska minska till': 'at-most',
  'ska öka till': 'at-least',
  'maximalt uppgå till': 'at-most',
  'ökar till': 'at-least',
  'minskar till': 'at-most',
  'högre än': 'above',
  'större än': 'above',
  'mer än': 'above',
  'fler än': 'above',
  'lägre än': 'below',
  'mindre än': 'below',
  'färre än': 'below',
  maximalt: 'at-most',
  minst: 'at-least',
  lägst: 'at-least',
  högst: 'at-most',
  max: 'at-most',
  över: 'above',
  under: 'below',
};

/** Qualifier words a starting level can stand in ("ökar från 67 till 77 %"): each ends with "till". */
export const FROM_TO_QUALIFIERS = ['ska minska till', 'ska öka till', 'minskar till', 'ökar till'] as const;

/** Labels a table prints before a target ("Mål 135", "Mål >65"); the target after it is read. */
export const TARGET_LABELS = ['Mål ', 'Målvärde ', 'Målvärde: '] as const;

/** Words after a value: "90 procent eller högre". */
export const QUALIFIERS_AFTER: Record<string, Relation> = {
  'eller högre': 'at-least',
  'eller mer': 'at-least',
  'eller fler': 'at-least',
  'eller större': 'at-least',
  'eller lägre': 'at-most',
  'eller mindre': 'at-most',
  'eller färre': 'at-most',
};

/** "Lägre än 2021": the comparative and which way it asks the outcome to have moved. */
export const COMPARATIVES: Record<string, 'increase' | 'decrease'> = {
  högre: 'increase',
  större: 'increase',
  fler: 'increase',
  lägre: 'decrease',
  mindre: 'decrease',
  färre: 'decrease',
};

/** "Inte lägre än 2021" asks for not-decrease. */
export function negate(direction: 'increase' | 'decrease'): Direction {
  return direction === 'increase' ? 'not-increase' : 'not-decrease';
}

/** Words before an external series ("i nivå med riket"), longest first. */
export const EXTERNAL_PHRASES: Record<string, ExternalRelation> = {
  'i nivå med eller bättre än': 'not-worse',
  'minst i nivå med': 'at-least',
  'högst i nivå med': 'at-most',
  'inte sämre än': 'not-worse',
  'i nivå med': 'level',
  'bättre än': 'better',
  'högre än': 'above',
  'lägre än': 'below',
};

/**
 * External series a target may name. "liknande kommuner" is Kolada's group of municipalities
 * with similar conditions; "X kommuner" covers peer groups such as "Norrlands kommuner".
 */
export const SERIES =
  'riket|rikssnittet|riksgenomsnittet|rikets snitt|länet|länssnittet|länsgenomsnittet|regionen|kommungenomsnittet|' +
  'snittet för kommungruppen|kommungruppen|liknande kommuner|jämförbara kommuner|[\\p{Lu}][\\p{L}-]+ kommuner';

/** Targets that are only reported, with no value to reach. */
export const REPORTED =
  '(?:[Rr]edovisas|[Ff]öljs upp|[Bb]evakas|[Mm]äts|[Nn]ollmätning|[Ii]ngen målnivå|[Ii]nget målvärde)' +
  '(?: (?:årligen|varje år|löpande|per tertial|i årsredovisningen))?';

/** The keys of a word table as a regex alternation, longest first. */
export function alternation(words: Record<string, unknown>): string {
  return Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, ' '))
    .join('|');
}
