/**
 * Rich text for documents: the restricted HTML of a plan read into paragraphs and lists of styled
 * runs by the domain's rule (domain/rich-text-blocks.ts), and what only documents build of it.
 */
import type { RichBlock, Run } from '../domain/rich-text-blocks.ts';

export { parseRich, plainText, richPlain, runsText, trimRuns, type RichBlock, type Run } from '../domain/rich-text-blocks.ts';

/** One paragraph of plain runs. */
export function plainParagraph(text: string, style: Omit<Run, 'text'> = {}): RichBlock {
  return { kind: 'paragraph', runs: [{ text, ...style }] };
}

/** Puts runs in front of the first paragraph ("3, " before a strategy, "Hur? " before how). */
export function prefixRich(prefix: Run[], blocks: RichBlock[]): RichBlock[] {
  const [first, ...rest] = blocks;
  if (!first || first.kind !== 'paragraph') return [{ kind: 'paragraph', runs: prefix }, ...blocks];
  return [{ kind: 'paragraph', runs: [...prefix, ...first.runs] }, ...rest];
}
