/**
 * The rich-text editor, loaded when a form first shows it. TipTap and ProseMirror were almost half
 * of the app's first chunk (881 of which 410 kB), because the scorecard, which is in that chunk,
 * shows the editor to whoever opens a goal's assessment; every reader of every page loaded them.
 */
import { lazy, Suspense } from 'react';
import type { RichTextEditorProps } from './RichTextEditor.tsx';
import { Loading } from './LoadState.tsx';

const RichTextEditor = lazy(() => import('./RichTextEditor.tsx').then((module) => ({ default: module.RichTextEditor })));

export function LazyRichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
