/**
 * Money in the ledger as whole öre (hundredths of a krona): an exact integer, so that a million
 * booked amounts add up exactly and fast (decimal.js is exact too, but some twenty times slower
 * per addition, which a million-row import notices). A booked amount has at most two decimals;
 * the figures that come out of the ledger are exact decimals in kronor (oreToKronor).
 */
import { Decimal } from 'decimal.js';

/** An amount in öre: an integer, exact while within ±2^53 (±90 000 miljarder kronor). */
export type Ore = number;

const CANONICAL = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount written "-1234.5" or "-1234.50" (a point as decimal mark, at most two decimals,
 * no grouping) as öre; null when it is not so written.
 */
export function oreFromText(text: string): Ore | null {
  const match = CANONICAL.exec(text);
  if (match === null) return null;
  const fraction = match[3] === undefined ? 0 : match[3].length === 1 ? Number(match[3]) * 10 : Number(match[3]);
  const ore = Number(match[2]) * 100 + fraction;
  return match[1] === '-' && ore !== 0 ? -ore : ore;
}

/** An amount in öre as an exact decimal of kronor. */
export function oreToKronor(ore: Ore): Decimal {
  return new Decimal(ore).dividedBy(100);
}

/** An exact decimal of kronor as öre; null when it has more than two decimals or is too large. */
export function kronorToOre(kronor: Decimal): Ore | null {
  const ore = kronor.times(100);
  if (!ore.isInteger() || ore.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return null;
  return ore.toNumber();
}

/** The sum of two amounts; throws when it leaves the exact range (no real ledger gets there). */
export function addOre(a: Ore, b: Ore): Ore {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('Beloppet är för stort för att räknas exakt.');
  return sum;
}
