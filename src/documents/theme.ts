import type { Status } from '../domain/status-band.ts';

/**
 * The look shared by every format: colours (contrast at least 4.5:1 against white and against the
 * header fill, for WCAG 2.1 AA) and a rough measure of text width for laying out figure columns.
 */
export const colors = {
  text: '#1b1f24',
  heading: '#163d6b',
  muted: '#4f5864',
  accent: '#1f5c99',
  rule: '#7d93ab',
  hairline: '#c9d2dc',
  headerFill: '#e4ebf3',
  groupFill: '#f1f4f8',
  totalFill: '#f7f9fb',
} as const;

/**
 * Traffic-light colours: a dot beside the status word (the word carries the meaning), and a light
 * fill for spreadsheets. Statuses without a judgement are grey; "riktning saknas" is violet, as it
 * asks the plan's owner to act.
 */
export const statusColors: Record<Status, { dot: string; fill: string }> = {
  green: { dot: '#1e7a3c', fill: '#dff3e4' },
  yellow: { dot: '#b07d00', fill: '#fff3c4' },
  red: { dot: '#b3261e', fill: '#f9d9d6' },
  'no-direction': { dot: '#6a4c9c', fill: '#ece6f5' },
  'not-measured': { dot: '#6b7280', fill: '#eceef1' },
  'no-measure': { dot: '#6b7280', fill: '#eceef1' },
  'not-followed-up': { dot: '#6b7280', fill: '#eceef1' },
  reported: { dot: '#4f5864', fill: '#eceef1' },
};

/** Approximate width in points of a text in a sans-serif font of the given size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  for (const char of text) width += /[0-9]/.test(char) ? 0.56 : /[ ,.:;()\-–]/.test(char) ? 0.3 : /[A-ZÅÄÖMW]/.test(char) ? 0.68 : 0.52;
  return width * fontSize * (bold ? 1.05 : 1);
}

/** The longest word of a text (a header wraps between words, never inside one). */
export function longestWord(text: string): string {
  return text.split(/\s+/).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}
