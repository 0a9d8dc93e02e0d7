/**
 * Vouchers (#VER) and their rows (#TRANS, #RTRANS, #BTRANS), SIE filformat 4B section 8.
 * `#VER serie vernr verdatum vertext regdatum sign`, then `{`, the rows, `}`;
 * `#TRANS kontonr {objektlista} belopp transdat transtext kvantitet sign`.
 */
import type { Ore } from '../../domain/ledger/ore.ts';
import type { ProblemCollector } from '../report.ts';
import { SieFields } from './fields.ts';
import type { SieRecord, SieTransaction } from './records.ts';
import type { SieField } from './tokenize.ts';

/** A voucher being read: what its rows need, and the running sum of its #TRANS rows. */
export interface OpenVoucher {
  series: string;
  number: string;
  date: string;
  line: number;
  sum: Ore;
  rows: number;
  /** Whether a fault was found in the voucher head or a row (then the balance is not checked). */
  faulty: boolean;
}

/** Reads a #VER line; null when it has faults (reported). */
export function readVoucher(fields: SieField[], line: number, problems: ProblemCollector): { record: SieRecord; open: OpenVoucher } | null {
  const f = new SieFields('#VER', fields, line, problems);
  const series = f.text(0, 'serie', false) ?? '';
  const number = f.text(1, 'vernr', false) ?? '';
  const date = f.date(2, 'verdatum', true);
  const text = f.text(3, 'vertext', false) ?? '';
  const registered = f.date(4, 'regdatum', false);
  const signature = f.text(5, 'sign', false);
  if (!f.ok || date === null) return null;
  return {
    record: { kind: 'voucher', series, number, date, text, registered, signature, line },
    open: { series, number, date, line, sum: 0, rows: 0, faulty: false },
  };
}

/** Reads a row of a voucher; null when it has faults (reported). */
export function readTransaction(
  type: SieTransaction['type'],
  fields: SieField[],
  line: number,
  voucher: OpenVoucher,
  problems: ProblemCollector,
): (SieTransaction & { line: number }) | null {
  const f = new SieFields(`#${type}`, fields, line, problems);
  const account = f.account(0);
  const objects = f.objects(1);
  const amount = f.amount(2);
  const date = f.date(3, 'transdat', false);
  const text = f.text(4, 'transtext', false);
  const quantity = f.optionalAmount(5, 'kvantitet');
  const signature = f.text(6, 'sign', false);
  if (!f.ok) return null;
  return {
    kind: 'transaction',
    type,
    voucher: { series: voucher.series, number: voucher.number, line: voucher.line },
    account,
    objects,
    amount,
    date: date ?? voucher.date,
    text,
    quantity,
    signature,
    line,
  };
}

/** The name of a voucher in messages: "verifikation A 12 (rad 40)". */
export function voucherName(voucher: OpenVoucher): string {
  const id = [voucher.series, voucher.number].filter((part) => part !== '').join(' ');
  return `verifikation ${id === '' ? 'utan nummer' : id} (rad ${voucher.line})`;
}
