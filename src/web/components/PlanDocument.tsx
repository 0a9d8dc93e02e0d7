/**
 * A plan as a structured web page: the document view model (src/documents/plan-view-model.ts,
 * the same one the PDF is laid out from) rendered as headings, text and tables, with a table of
 * contents. Block level 1 is an h2: the page's h1 is the plan's title.
 */
import type { ReactNode } from 'react';
import type { Block, DocumentView, HeadingBlock, TocEntry } from '../../documents/view-model.ts';
import { useI18n } from '../i18n/index.tsx';
import { DocumentTable } from './DocumentTable.tsx';
import { RichText } from './RichText.tsx';

/** Ids on the page must be unique, and not collide with the app's own ("main"); a heading and its table may share a plan id. */
export function withPageIds(blocks: Block[]): Block[] {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    if (block.kind === 'text') return block;
    const base = `${block.kind === 'table' ? 'plan-table' : 'plan'}-${block.id}`.replace(/\s+/g, '-');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...block, id: count === 1 ? base : `${base}-${count}` };
  });
}

/** The table of contents: the headings marked for it, in order. */
export function tocOf(blocks: Block[]): TocEntry[] {
  return blocks.flatMap((block) => (block.kind === 'heading' && block.toc ? [{ id: block.id, text: block.text, level: block.level }] : []));
}

interface TocNode {
  entry: TocEntry;
  children: TocNode[];
}

function tocTree(entries: TocEntry[]): TocNode[] {
  const root: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const entry of entries) {
    const node = { entry, children: [] };
    while (stack.length > 0 && stack.at(-1)!.entry.level >= entry.level) stack.pop();
    (stack.at(-1)?.children ?? root).push(node);
    stack.push(node);
  }
  return root;
}

function TocList({ nodes }: { nodes: TocNode[] }) {
  return (
    <ol>
      {nodes.map((node) => (
        <li key={node.entry.id}>
          <a href={`#${node.entry.id}`}>{node.entry.text}</a>
          {node.children.length > 0 ? <TocList nodes={node.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">{t.plan.toc}</h2>
      <div lang="sv">
        <TocList nodes={tocTree(entries)} />
      </div>
    </nav>
  );
}

function Heading({ block }: { block: HeadingBlock }) {
  const level = Math.min(6, block.level + 1);
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
<Tag id={block.id}>{block.text}</Tag>
  );
}

/** `tableActions` (by block index) puts tools, such as an edit link, just before a table. */
export function DocumentBlocks({ blocks, tableActions }: { blocks: Block[]; tableActions?: ReadonlyMap<number, ReactNode> }) {
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return <Heading key={block.id} block={block} />;
          case 'table': {
            const action = tableActions?.get(index);
            return action ? (
              <div key={block.id} className="table-with-action">
                <p className="table-action">{action}</p>
                <DocumentTable id={block.id} table={block} />
              </div>
            ) : (
              <DocumentTable key={block.id} id={block.id} table={block} />
            );
          }
          case 'text':
            return (
              <div key={index} className={`doc-text doc-text--${block.style ?? 'body'}`}>
                <RichText blocks={block.content} />
              </div>
            );
        }
      })}
    </>
  );
}

/** The whole document below the page heading: table of contents, body, colophon. */
export function PlanDocument({ view, tableActions }: { view: DocumentView; tableActions?: ReadonlyMap<number, ReactNode> }) {
  const { t, language } = useI18n();
  const blocks = withPageIds(view.blocks);
  return (
    <div className="plan-layout">
      <TableOfContents entries={tocOf(blocks)} />
      <div className="plan-body" lang="sv">
        <DocumentBlocks blocks={blocks} tableActions={tableActions} />
        <section className="colophon" aria-labelledby="colophon-heading">
          <h2 id="colophon-heading" lang={language}>
            {t.plan.colophon}
          </h2>
          <p>{view.colophon}</p>
        </section>
      </div>
    </div>
  );
}
