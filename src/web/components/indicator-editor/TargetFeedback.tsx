/** What the editor understood of a target as typed (parseTarget/describeTarget, the server's rule). */
import type { ReactNode } from 'react';
import { describeTarget, parseTarget } from '../../../domain/target.ts';
import { useI18n } from '../../i18n/index.tsx';

export function TargetFeedback({ id, text }: { id: string; text: string }) {
  const { t } = useI18n();
  let content: ReactNode;
  let kind = 'ok';
  if (text.trim() === '') {
    content = t.editor.emptyTarget;
    kind = 'empty';
  } else {
    const target = parseTarget(text.trim());
    if (target.kind === 'qualitative') {
      content = t.editor.qualitative;
      kind = 'qualitative';
    } else {
      content = (
        <>
          {t.editor.understood} <span lang="sv">{describeTarget(target)}</span>
        </>
      );
    }
  }
  return (
    <p id={id} className={`target-feedback target-feedback--${kind}`} aria-live="polite" data-feedback={kind}>
      {content}
    </p>
  );
}
