/**
 * The inline form where a link's address is typed (instead of a prompt window). It is a group of
 * fields, not a <form>, because it sits inside the item's form; Enter applies, Escape cancels.
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { linkHref } from '../../rich-text-output.ts';

interface Props {
  editor: Editor;
  id: string;
  /** The address of the link at the cursor, or "". */
  href: string;
  /** Nothing is selected and the cursor is not in a link: the link needs its own text. */
  needsText: boolean;
  onDone: () => void;
}

export function LinkForm({ editor, id, href, needsText, onDone }: Props) {
  const { t } = useI18n();
  const texts = t.contentEditor.richText;
  const [url, setUrl] = useState(href);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    urlRef.current?.focus();
  }, []);

  const apply = () => {
    const target = linkHref(url);
    if (!target) {
      setError(texts.linkInvalid);
      urlRef.current?.focus();
      return;
    }
    if (editor.isActive('link')) editor.chain().focus().extendMarkRange('link').setLink({ href: target }).run();
    else if (!needsText) editor.chain().focus().setLink({ href: target }).run();
    else {
      const shown = text.trim() || url.trim();
      editor.chain().focus().insertContent({ type: 'text', text: shown, marks: [{ type: 'link', attrs: { href: target } }] }).run();
    }
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onDone();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault(); // not the item's form: only this link
      apply();
    }
  };

  const errorId = `${id}-error`;
  return (
    <div className="link-form" role="group" aria-label={texts.link} onKeyDown={onKeyDown}>
      <div className="field">
        <label htmlFor={`${id}-url`}>
          {texts.linkUrl}
        </label>
        <input
          id={`${id}-url`}
          ref={urlRef}
          type="text"
          inputMode="url"
          autoComplete="url"
          value={url}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setUrl(event.target.value);
            setError(null);
          }}
        />
        {error ? (
          <p id={errorId} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      {needsText ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>{texts.linkText}</label>
          <input id={`${id}-text`} type="text" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={apply}>
          {texts.linkApply}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {texts.linkCancel}
        </button>
      </div>
    </div>
  );
}
