/**
 * Rich text of a plan as React elements. The plan's restricted HTML is read by the documents'
 * parser (src/documents/rich.ts) into paragraphs, lists and styled runs, and only those become
 * elements: no HTML string ever reaches the DOM, so nothing needs sanitising again here, and a
 * link keeps its href only when it is http, https or mailto.
 */
import type { ReactNode } from 'react';
import type { RichBlock, Run } from '../../domain/rich-text-blocks.ts';

const safeHref = /^(https?:|mailto:)/i;

function RunView({ run }: { run: Run }): ReactNode {
  if (run.text === '\n') return <br />;
  let node: ReactNode = run.text;
  if (run.sup) node = <sup>{node}</sup>;
  if (run.underline) node = <u>{node}</u>;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  if (run.href && safeHref.test(run.href.trim())) node = <a href={run.href.trim()}>{node}</a>;
  return node;
}

export function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, index) => (
        <RunView key={index} run={run} />
      ))}
    </>
  );
}

export function RichText({ blocks, className }: { blocks: RichBlock[]; className?: string }) {
  return (
    <>
      {blocks.map((block, index) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={index} className={className}>
              <Runs runs={block.runs} />
            </p>
          );
        }
        const items = block.items.map((item, itemIndex) => (
          <li key={itemIndex}>
            <Runs runs={item} />
          </li>
        ));
        const listClass = [className, block.marker ? undefined : 'list--printed-markers'].filter(Boolean).join(' ') || undefined;
        return block.ordered ? (
          <ol key={index} className={listClass}>
            {items}
          </ol>
        ) : (
          <ul key={index} className={listClass}>
            {items}
          </ul>
        );
      })}
    </>
  );
}
