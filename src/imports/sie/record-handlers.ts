/**
 * One handler per SIE record the standard defines and Styrkort reads: the fields by position as
 * SIE filformat 4B lists them. A record with a faulty field gives null (its faults are reported);
 * a label without a handler is kept as an 'other' record, as the standard asks readers to pass
 * over labels they do not know.
 */
import type { ProblemCollector } from '../report.ts';
import { SieFields } from './fields.ts';
import type { SieRecord } from './records.ts';
import type { SieField } from './tokenize.ts';

type Handler = (f: SieFields, line: number) => SieRecord | null;

const ACCOUNT_TYPES = ['T', 'S', 'K', 'I'] as const;

const handlers: Record<string, Handler> = {
  '#FLAGGA': (f, line) => {
    const value = f.integer(0, 'x');
    if (f.ok && value !== 0 && value !== 1) f.fault('x', String(value), '#FLAGGA ska vara 0 eller 1.');
    return f.ok ? { kind: 'flag', value: value === 1 ? 1 : 0, line } : null;
  },
  '#PROGRAM': (f, line) => {
    const name = f.text(0, 'programnamn', true);
    const version = f.text(1, 'version', false);
    return f.ok ? { kind: 'program', name: name ?? '', version, line } : null;
  },
  '#FORMAT': (f, line) => {
    const value = f.text(0, 'PC8', true);
    return f.ok ? { kind: 'format', value: value ?? '', line } : null;
  },
  '#GEN': (f, line) => {
    const date = f.date(0, 'datum', true);
    const signature = f.text(1, 'sign', false);
    return f.ok ? { kind: 'generated', date: date ?? '', signature, line } : null;
  },
  '#SIETYP': (f, line) => {
    const value = f.integer(0, 'typnr');
    if (f.ok && (value < 1 || value > 4)) f.fault('typnr', String(value), 'SIE-typen ska vara 1, 2, 3 eller 4.');
    return f.ok ? { kind: 'sie-type', value: value as 1 | 2 | 3 | 4, line } : null;
  },
  '#FNAMN': (f, line) => {
    const name = f.text(0, 'företagsnamn', true);
    return f.ok ? { kind: 'company-name', name: name ?? '', line } : null;
  },
  '#ORGNR': (f, line) => {
    const value = f.text(0, 'orgnr', false);
    return f.ok ? { kind: 'org-number', value: value ?? '', line } : null;
  },
  '#RAR': (f, line) => {
    // A voucher-only file (4i) may carry "#RAR 0" without dates: no fiscal year is given then.
    if (f.isBlank(1) && f.isBlank(2)) return { kind: 'other', label: '#RAR', fields: f.raw(), line };
    const index = f.integer(0, 'årsnr');
    const start = f.date(1, 'start', true);
    const end = f.date(2, 'slut', true);
    if (f.ok && start! > end!) f.fault('slut', end, 'Räkenskapsåret slutar före det börjar.');
    return f.ok ? { kind: 'fiscal-year', index, start: start!, end: end!, line } : null;
  },
  '#KONTO': (f, line) => {
    const account = f.account(0);
    const name = f.text(1, 'kontonamn', false);
    return f.ok ? { kind: 'account', account, name: name ?? '', line } : null;
  },
  '#KTYP': (f, line) => {
    const account = f.account(0);
    const type = f.oneOf(1, 'kontotyp', ACCOUNT_TYPES);
    return f.ok ? { kind: 'account-type', account, type, line } : null;
  },
  '#DIM': (f, line) => {
    const dimension = f.dimension(0);
    const name = f.text(1, 'namn', false);
    return f.ok ? { kind: 'dimension', dimension, name: name ?? '', line } : null;
  },
  '#UNDERDIM': (f, line) => {
    const dimension = f.dimension(0);
    const name = f.text(1, 'namn', false);
    const parent = f.dimension(2, 'superdimension');
    return f.ok ? { kind: 'sub-dimension', dimension, name: name ?? '', parent, line } : null;
  },
  '#OBJEKT': (f, line) => {
    const dimension = f.dimension(0);
    const code = f.text(1, 'objektkod', true);
    const name = f.text(2, 'objektnamn', false);
    return f.ok ? { kind: 'object', dimension, code: code ?? '', name: name ?? '', line } : null;
  },
  '#IB': balance('IB'),
  '#UB': balance('UB'),
  '#RES': balance('RES'),
  '#PSALDO': periodBalance('PSALDO'),
  '#PBUDGET': periodBalance('PBUDGET'),
};

function balance(type: 'IB' | 'UB' | 'RES'): Handler {
  return (f, line) => {
    const yearIndex = f.integer(0, 'årsnr');
    const account = f.account(1);
    const amount = f.amount(2, 'saldo');
    const quantity = f.optionalAmount(3, 'kvantitet');
    return f.ok ? { kind: 'balance', type, yearIndex, account, amount, quantity, line } : null;
  };
}

function periodBalance(type: 'PSALDO' | 'PBUDGET'): Handler {
  return (f, line) => {
    const yearIndex = f.integer(0, 'årsnr');
    const period = f.period(1);
    const account = f.account(2);
    const objects = f.objects(3);
    const amount = f.amount(4, 'saldo');
    const quantity = f.optionalAmount(5, 'kvantitet');
    return f.ok ? { kind: 'period-balance', type, yearIndex, period, account, objects, amount, quantity, line } : null;
  };
}

/** Reads one record line outside a voucher; null when it has faults (reported). */
export function readRecord(label: string, fields: SieField[], line: number, problems: ProblemCollector): SieRecord | null {
  const handler = handlers[label];
  if (handler === undefined) {
    return { kind: 'other', label, fields: new SieFields(label, fields, line, problems).raw(), line };
  }
  return handler(new SieFields(label, fields, line, problems), line);
}
