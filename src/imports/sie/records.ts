/**
 * The records a SIE 4 file holds (SIE filformat 4B), as the parser yields them. Field names follow
 * the standard's (kontonr, belopp, transdat …); amounts are whole öre as booked (debit positive,
 * credit negative; domain/ledger/ore.ts), quantities exact decimals; dates are 'YYYY-MM-DD', periods 'YYYY-MM'. Every record carries
 * the line it stands on, so later steps can point back into the file.
 */
import type { Decimal } from 'decimal.js';
import type { Ore } from '../../domain/ledger/ore.ts';

/** One object of an object list: dimension number and object code ({1 "Nord"}). */
export interface SieObjectRef {
  dimension: string;
  code: string;
}

interface At {
  line: number;
}

export type SieRecord =
  | (At & { kind: 'flag'; value: 0 | 1 }) // #FLAGGA
  | (At & { kind: 'program'; name: string; version: string | null }) // #PROGRAM
  | (At & { kind: 'format'; value: string }) // #FORMAT
  | (At & { kind: 'generated'; date: string; signature: string | null }) // #GEN
  | (At & { kind: 'sie-type'; value: 1 | 2 | 3 | 4 }) // #SIETYP
  | (At & { kind: 'company-name'; name: string }) // #FNAMN
  | (At & { kind: 'org-number'; value: string }) // #ORGNR
  | (At & { kind: 'fiscal-year'; index: number; start: string; end: string }) // #RAR
  | (At & { kind: 'account'; account: string; name: string }) // #KONTO
  | (At & { kind: 'account-type'; account: string; type: 'T' | 'S' | 'K' | 'I' }) // #KTYP
  | (At & { kind: 'dimension'; dimension: string; name: string }) // #DIM
  | (At & { kind: 'sub-dimension'; dimension: string; name: string; parent: string }) // #UNDERDIM
  | (At & { kind: 'object'; dimension: string; code: string; name: string }) // #OBJEKT
  | (At & SieBalance)
  | (At & SiePeriodBalance)
  | (At & SieVoucher)
  | (At & SieTransaction)
  | (At & { kind: 'other'; label: string; fields: string[] }); // any other record, kept as read

/** #IB, #UB, #RES: opening and closing balance, result of a fiscal year. */
export interface SieBalance {
  kind: 'balance';
  type: 'IB' | 'UB' | 'RES';
  yearIndex: number;
  account: string;
  amount: Ore;
  quantity: Decimal | null;
}

/** #PSALDO, #PBUDGET: a month's change of an account, for the whole account ({}) or per objects. */
export interface SiePeriodBalance {
  kind: 'period-balance';
  type: 'PSALDO' | 'PBUDGET';
  yearIndex: number;
  period: string;
  account: string;
  objects: SieObjectRef[];
  amount: Ore;
  quantity: Decimal | null;
}

/** #VER: a voucher; its transactions follow as records of their own. */
export interface SieVoucher {
  kind: 'voucher';
  series: string;
  number: string;
  date: string;
  text: string;
  registered: string | null;
  signature: string | null;
}

/**
 * #TRANS, #RTRANS, #BTRANS of a voucher. #TRANS rows are the voucher as it stands; #BTRANS rows
 * were removed and #RTRANS rows added later (each #RTRANS is followed by the same row as #TRANS),
 * so sums are taken over #TRANS only.
 */
export interface SieTransaction {
  kind: 'transaction';
  type: 'TRANS' | 'RTRANS' | 'BTRANS';
  voucher: { series: string; number: string; line: number };
  account: string;
  objects: SieObjectRef[];
  amount: Ore;
  /** transdat, or the voucher's date when the row has none. */
  date: string;
  text: string | null;
  quantity: Decimal | null;
  signature: string | null;
}
