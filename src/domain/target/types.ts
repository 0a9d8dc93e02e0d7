/**
 * The shapes of a target (målvärde): one kind per way plans word a target, each holding just what
 * it takes to print the text back to the character and to compute a status from it.
 */
import type { Decimal } from 'decimal.js';
import type { MinusSign, ThousandsSeparator } from '../format.ts';

/** What stands between a sign or number and what follows: nothing, a space or a no-break space. */
export type Space = '' | ' ' | '\u00a0' | '\u202f';

/** How a number was printed, so that it prints back the same ("18 100", "5,30", "−2"). */
export interface NumberStyle {
  decimals: number;
  /** "space" also for numbers under 1 000, where no separator shows. */
  thousands: ThousandsSeparator;
  minus: MinusSign;
}

export interface PrintedNumber {
  value: Decimal;
  style: NumberStyle;
}

/** A number with the unit printed after it: "95 %", "8 per förvaltning", "4%-enheter", "0". */
export interface Amount extends PrintedNumber {
  /** As printed: "%", "%-enheter", "per förvaltning"; "" when there is none. */
  unit: string;
  /** "95 %" has a space before the unit, "95%" has not. */
  unitSpace: Space;
}

/** Comparison signs as printed; ">=" and "≥" mean the same. */
export type Operator = '>' | '>=' | '≥' | '<' | '<=' | '≤';

/** What an operator or a qualifier asks of the outcome. */
export type Relation = 'above' | 'at-least' | 'below' | 'at-most';

/**
 * Words that make a value a floor or a ceiling: before it ("Minst 75 %", "Högst 8", "Max 13,2 %",
 * "mindre än 10 procent", "ökar till 19 500 personer") or after it ("90 procent eller högre").
 */
export interface Qualifier {
  /** What the words ask of the outcome: minst → at least, "mindre än" → below. */
  bound: Relation;
  /** The words in lower case, as a key of QUALIFIER_WORDS: "minst", "max", "eller högre". */
  word: string;
  capitalized: boolean;
  /** "90 procent eller högre" has its words after the value; most have them before. */
  position: 'before' | 'after';
}

/** Which way an outcome must move against a baseline: "ska öka", "ska inte minska". */
export type Direction = 'increase' | 'not-decrease' | 'decrease' | 'not-increase';

/** "90%", "18 100", "Minst 60 %", "95 % år 2020", "ökar till 19 500 personer år 2026". */
export interface ValueTarget {
  kind: 'value';
  amount: Amount;
  qualifier?: Qualifier;
  /** "95 % år 2020": the year by which a goal sentence wants the value reached. */
  year?: number;
  /** "under 2018" rather than "år 2018" (Skinnskatteberg: "ökar från 67 till 77 % under 2018"). */
  yearWord?: 'under';
  /** "ökar från 67 till 77 %": the level the change starts from, printed between the verb and "till". */
  from?: Amount;
}

/** "> 8 per förvaltning", ">95 %", "> 0". */
export interface ComparisonTarget {
  kind: 'comparison';
  operator: Operator;
  /** "> 8" has a space after the sign, ">95 %" has not. */
  operatorSpace: Space;
  amount: Amount;
}

/**
 * ">föregående år", "ska öka", "ska inte minska under 2025 jämfört med 2024", "Lägre än 2021",
 * "Ökning", "öka med 3 procentenheter".
 */
export interface RelativeToLastYearTarget {
  kind: 'relative-to-last-year';
  direction: Direction;
  /** A fixed baseline year ("jämfört med 2023"); absent means the year before the measured one. */
  baselineYear?: number;
  /** "öka med 3 procentenheter": the change asked for; "%"/"procent" is relative, else absolute. */
  by?: Amount;
  wording: SignWording | WordsWording | ComparativeWording | NounWording;
}

/** ">föregående år", "> 2023 års nivå". */
export interface SignWording {
  form: 'sign';
  operatorSpace: Space;
  /** "≥" rather than ">=" (only matters for the not-strict directions). */
  mathSigns: boolean;
}

/** "ska öka", "Ska inte minska jämfört med föregående år", "öka med 3 procentenheter". */
export interface WordsWording {
  form: 'words';
  capitalized: boolean;
  /** Says "jämfört med föregående år" out loud, though that is what no baseline year means. */
  namesPreviousYear: boolean;
  /** Starts with "ska"; "Öka med 3 procentenheter" does not. Absent means it does. */
  modal?: boolean;
  /** "ska inte minska under 2025 jämfört med 2024": the year the requirement is for. */
  during?: number;
}

/** "Lägre än 2021", "Högre än föregående år", "Inte lägre än 2023 års nivå". */
export interface ComparativeWording {
  form: 'comparative';
  capitalized: boolean;
  /** The comparative as printed, lower case: "lägre", "högre", "mindre", "större", "färre", "fler". */
  word: string;
  /** "Inte lägre än …". */
  negated: boolean;
  /** "2023 års nivå" rather than "2023". */
  yearLevel: boolean;
}

/** "Ökning", "Minskning jämfört med 2021". */
export interface NounWording {
  form: 'noun';
  capitalized: boolean;
  namesPreviousYear: boolean;
}

/** "Soliditet i förhållande till Norrlands kommuner, differens < 4%-enheter". */
export interface PeerGroupTarget {
  kind: 'relative-to-peer-group';
  /** What is compared: "Soliditet". */
  metric: string;
  /** Whom it is compared with (jämförelsegrupp): "Norrlands kommuner". */
  peerGroup: string;
  operator: Operator;
  operatorSpace: Space;
  /** The allowed difference, usually in percentage points: 4 "%-enheter". */
  gap: Amount;
}

/** ">1 % av skatter och generella statsbidrag": a share of another quantity. */
export interface QuantityTarget {
  kind: 'relative-to-quantity';
  /** Absent when the share is the target itself ("2 % av nettokostnaden"). */
  operator?: Operator;
  operatorSpace: Space;
  /** The share, with unit "%" or "procent". */
  share: Amount;
  /** The quantity the share is of: "skatter och generella statsbidrag". */
  base: string;
}

/** "skillnaden mot riket ska minska jämfört med 2022": the gap to an external series. */
export interface ExternalGapTarget {
  kind: 'gap-to-external-series';
  /** The series compared against: "riket", "länet". */
  series: string;
  direction: Direction;
  baselineYear?: number;
  capitalized: boolean;
}

/**
 * "i nivå med riket", "bättre än kommungenomsnittet", "högre än liknande kommuner": the outcome
 * against the same measure of an external series (reference value from the outcome or Kolada).
 */
export interface ExternalComparisonTarget {
  kind: 'relative-to-external-series';
  /** level: about the same; better/not-worse: needs the indicator's direction; above/below/at-least: as the words say. */
  relation: ExternalRelation;
  /** The words before the series, lower case: "i nivå med", "bättre än". */
  phrase: string;
  series: string;
  capitalized: boolean;
}

export type ExternalRelation = 'level' | 'better' | 'not-worse' | 'above' | 'below' | 'at-least' | 'at-most';

/** "bland de 25 % bästa kommunerna": a place in the ranking of a group. */
export interface RankTarget {
  kind: 'rank';
  share: Amount;
  /** "kommunerna", "kommunerna i landet", "i länet": as printed. */
  group: string;
  capitalized: boolean;
}

/** "80–85 %", "3-5 dagar": the outcome should lie between two values. */
export interface RangeTarget {
  kind: 'range';
  low: PrintedNumber;
  high: PrintedNumber;
  /** The dash as printed with its spaces: "–", " – ", "-". */
  separator: string;
  unit: string;
  unitSpace: Space;
}

/** "Redovisas", "Följs upp", "Nollmätning": the outcome is reported, with no value to reach. */
export interface ReportedTarget {
  kind: 'reported';
  text: string;
}

/**
 * A target inside a goal sentence: "Målet är uppnått när de positiva svaren är 90 procent eller
 * högre.", "Sjukfrånvaron i Enköping ska minska". The words around the target are kept as printed.
 */
export interface InSentenceTarget {
  kind: 'in-sentence';
  before: string;
  /** A comparison only after a label ("Mål >65", Vårgårda's earlier years' targets). */
  target: ValueTarget | RelativeToLastYearTarget | ComparisonTarget;
  after: string;
}

/** "21/57/22 %", "85, 85, 85/85, 85, 90/90, 90, 85 %", "79/21 respektive 8/50/42". */
export interface TupleTarget {
  kind: 'tuple';
  /** Tuples joined by " respektive "; most targets have one. */
  tuples: Tuple[];
}

export interface Tuple {
  /** Parts separated by "/"; each part is one number, or several separated by ", ". */
  parts: PrintedNumber[][];
  unit: string;
  unitSpace: Space;
}

/** "Minst NKI 75": a level on a survey index (NKI, NMI, HME). */
export interface SurveyIndexTarget {
  kind: 'survey-index';
  /** "NKI", "NMI", "HME", or the word "index" ("Minst index 41"). */
  index: string;
  level: PrintedNumber;
  qualifier?: Qualifier;
}

/** Anything else, kept as printed; its status is set by hand with a justification. */
export interface QualitativeTarget {
  kind: 'qualitative';
  text: string;
  /** Comparisons found in the words ("> 17 gröna": unit "gröna"), for readers; never for status. */
  comparisons: EmbeddedComparison[];
}

export interface EmbeddedComparison {
  operator: Operator;
  amount: Amount;
}

/** A target value (målvärde) of one indicator for one year. */
export type Target =
  | ValueTarget
  | ComparisonTarget
  | RelativeToLastYearTarget
  | PeerGroupTarget
  | QuantityTarget
  | ExternalGapTarget
  | TupleTarget
  | SurveyIndexTarget
  | ExternalComparisonTarget
  | RankTarget
  | RangeTarget
  | ReportedTarget
  | InSentenceTarget
  | QualitativeTarget;
