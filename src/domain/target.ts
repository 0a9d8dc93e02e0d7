/**
 * Indicator targets (målvärden) as typed values. Plans print targets in signs and words
 * ("> 8 per förvaltning", "21/57/22 %", "ska öka"); parseTarget reads such a text into a structure
 * a status can be computed from, and printTarget prints exactly the same text back, so the
 * structure can stand in for the text without losing a character. What cannot be read stays
 * qualitative, as its text: an unknown wording is a finding to show, never an error.
 */
// The parts live in ./target/; this module is their public face, so importers need not know the cut.
// Every type of ./target/types.ts is public, and nothing else there is exported.
export type * from './target/types.ts';
export { describeTarget } from './target/describe.ts';
export { isMachineReadable, relationOf, statedDirection, unitKind, type BetterDirection, type MachineReadableTarget } from './target/meaning.ts';
export { parseTarget } from './target/parse.ts';
export { printTarget } from './target/print.ts';
