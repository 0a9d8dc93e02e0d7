/**
 * The rich-text editor, loaded when a form first shows it. TipTap and ProseMirror are a third of the
 * app's script, and the scorecard (in the app's first chunk) shows the editor only to an editor who
 * opens a goal's assessment; every reader of every page would otherwise load them.
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
