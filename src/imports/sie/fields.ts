/**
 * Reading the fields of one SIE record by the standard's rules: dates YYYYMMDD, periods YYYYMM,
 * amounts with a point as decimal mark and a leading minus, account numbers in digits, object
 * lists in pairs of dimension and object. Every fault is reported with its line, record, field
 * and value; the record is then not used.
 */
import { Decimal } from 'decimal.js';
import { daysInMonth } from '../../domain/period.ts';
import { oreFromText, type Ore } from '../../domain/ledger/ore.ts';
import type { ProblemCollector } from '../report.ts';
import type { SieObjectRef } from './records.ts';
import type { SieField } from './tokenize.ts';

const AMOUNT = /^-?\d+(?:\.\d+)?$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const PERIOD = /^(\d{4})(\d{2})$/;
const INTEGER = /^-?\d+$/;
const DIGITS = /^\d+$/;

/** The fields of one record, read by position; a fault marks the record as unusable. */
export class SieFields {
  ok = true;

  constructor(
    private readonly record: string,
    private readonly fields: SieField[],
    private readonly line: number,
    private readonly problems: ProblemCollector,
  ) {}

  /** Whether a field is missing or an empty text. */
  isBlank(index: number): boolean {
    const field = this.fields[index];
    return field === undefined || (field.kind === 'text' && field.text === '');
  }

  /** The fields as text, as an 'other' record keeps them. */
  raw(): string[] {
    return this.fields.map((field) => (field.kind === 'text' ? field.text : `{${field.items.join(' ')}}`));
  }

  /** A text field; missing optional fields (and empty quoted ones) are null. */
  text(index: number, name: string, required: boolean): string | null {
    const field = this.fields[index];
    if (field === undefined || (field.kind === 'text' && field.text === '' && !required)) {
      if (required) this.fault(name, null, `Fältet ${name} saknas.`);
      return null;
    }
    if (field.kind === 'objects') {
      this.fault(name, `{${field.items.join(' ')}}`, `Fältet ${name} ska vara en text, inte en objektlista.`);
      return null;
    }
    if (required && field.text === '') {
      this.fault(name, '', `Fältet ${name} är tomt.`);
      return null;
    }
    return field.text;
  }

  /**
   * An account number (kontonr). Digits in every chart of accounts, but real files carry others
   * ("DIFF"); those are read, and the classification puts them outside the operating statement.
   */
  account(index: number, name = 'kontonr'): string {
    return this.text(index, name, true) ?? '';
  }

  /** An integer such as a year index (årsnr, 0 = this year, -1 = last year) or a dimension number. */
  integer(index: number, name: string): number {
    const text = this.matching(index, name, INTEGER, 'Ska vara ett heltal.');
    return text === null ? 0 : Number(text);
  }

  /** A dimension number (dimensionsnr) as text: digits. */
  dimension(index: number, name = 'dimensionsnr'): string {
    return this.matching(index, name, DIGITS, 'Ett dimensionsnummer ska bestå av siffror.') ?? '';
  }

  /** An amount (belopp) in öre: "-1234.50"; point as decimal mark, no grouping, at most two decimals. */
  amount(index: number, name = 'belopp'): Ore {
    const text = this.text(index, name, true);
    if (text === null) return 0;
    const ore = oreFromText(text);
    if (ore === null) this.fault(name, text, amountReason(text));
    return ore ?? 0;
  }

  /** An optional amount such as kvantitet; empty or missing is null. */
  optionalAmount(index: number, name: string): Decimal | null {
    const text = this.text(index, name, false);
    if (text === null) return null;
    if (!AMOUNT.test(text)) {
      this.fault(name, text, amountReason(text));
      return null;
    }
    return new Decimal(text);
  }

  /** A date YYYYMMDD as 'YYYY-MM-DD'; optional dates may be missing or "". */
  date(index: number, name: string, required: boolean): string | null {
    const text = this.text(index, name, required);
    if (text === null) return null;
    const match = DATE.exec(text);
    const year = Number(match?.[1]);
    const month = Number(match?.[2]);
    const day = Number(match?.[3]);
    if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      this.fault(name, text, 'Ett datum ska skrivas ÅÅÅÅMMDD och finnas i kalendern, t.ex. 20170831.');
      return null;
    }
    return `${match[1]}-${match[2]}-${match[3]}`;
  }

  /** A period YYYYMM as 'YYYY-MM'. */
  period(index: number, name = 'period'): string {
    const text = this.text(index, name, true);
    if (text === null) return '';
    const match = PERIOD.exec(text);
    const month = Number(match?.[2]);
    if (!match || month < 1 || month > 12) {
      this.fault(name, text, 'En period ska skrivas ÅÅÅÅMM, t.ex. 201708.');
      return '';
    }
    return `${match[1]}-${match[2]}`;
  }

  /** An object list {dimensionsnr objektkod …}; a text field "{}" is not one. */
  objects(index: number, name = 'objektlista'): SieObjectRef[] {
    const field = this.fields[index];
    if (field === undefined || field.kind !== 'objects') {
      this.fault(name, field === undefined ? null : field.text, 'Här ska en objektlista stå, t.ex. {} eller {1 "Nord"}.');
      return [];
    }
    if (field.items.length % 2 !== 0) {
      this.fault(name, `{${field.items.join(' ')}}`, 'En objektlista ska ha par av dimensionsnummer och objektkod.');
      return [];
    }
    const objects: SieObjectRef[] = [];
    for (let i = 0; i < field.items.length; i += 2) {
      const dimension = field.items[i]!;
      if (!DIGITS.test(dimension)) {
        this.fault(name, `{${field.items.join(' ')}}`, `Dimensionsnumret "${dimension}" ska bestå av siffror.`);
        return [];
      }
      objects.push({ dimension, code: field.items[i + 1]! });
    }
    return objects;
  }

  /** One of a fixed set of values. */
  oneOf<T extends string>(index: number, name: string, values: readonly T[]): T {
    const text = this.text(index, name, true);
    if (text === null) return values[0]!;
    const upper = text.toUpperCase();
    const found = values.find((value) => value === upper);
    if (found === undefined) {
      this.fault(name, text, `Ska vara ett av ${values.join(', ')}.`);
      return values[0]!;
    }
    return found;
  }

  /** Reports a fault of a field and marks the record as unusable. */
  fault(name: string, value: string | null, reason: string): void {
    this.ok = false;
    this.problems.add({ line: this.line, record: this.record, column: name, value, reason });
  }

  private matching(index: number, name: string, pattern: RegExp, reason: string): string | null {
    const text = this.text(index, name, true);
    if (text === null) return null;
    if (!pattern.test(text)) {
      this.fault(name, text, reason);
      return null;
    }
    return text;
  }
}

function amountReason(text: string): string {
  if (text.includes(',')) return 'Ett belopp skrivs med punkt som decimaltecken, t.ex. -1234.50 (inte komma).';
  if (/\d\s\d/.test(text)) return 'Ett belopp skrivs utan tusentalsavgränsare, t.ex. 1234.50.';
  if (/^-?\d+\.\d{3,}$/.test(text)) return 'Ett belopp har högst två decimaler (öre).';
  if (/^-?\d{14,}(\.\d+)?$/.test(text)) return 'Beloppet är för stort.';
  return 'Inte ett belopp; ett belopp skrivs som -1234.50.';
}
