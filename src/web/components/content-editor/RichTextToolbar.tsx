/**
 * The rich-text editor's toolbar: one tab stop, arrow keys (and Home/End) between the buttons,
 * each toggle with aria-pressed for the state at the cursor. The buttons keep the editor's
 * selection (mousedown does not take focus) and give focus back to the text after acting.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { LinkForm } from './LinkForm.tsx';

type ButtonName = 'bold' | 'italic' | 'bulletList' | 'orderedList' | 'link' | 'unlink';
const buttonNames: ButtonName[] = ['bold', 'italic', 'bulletList', 'orderedList', 'link', 'unlink'];

export function RichTextToolbar({ editor, id, label }: { editor: Editor; id: string; label: string }) {
  const { t } = useI18n();
  const texts = t.contentEditor.richText;
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      href: String(current.getAttributes('link').href ?? ''),
      selectionEmpty: current.state.selection.empty,
    }),
  });
  const [current, setCurrent] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const act: Record<ButtonName, () => void> = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    link: () => setLinkOpen((open) => !open),
    unlink: () => {
      if (state.link) editor.chain().focus().extendMarkRange('link').unsetLink().run();
    },
  };
  const pressed: Record<ButtonName, boolean | undefined> = {
    bold: state.bold,
    italic: state.italic,
    bulletList: state.bulletList,
    orderedList: state.orderedList,
    link: state.link,
    unlink: undefined, // an action, not a state: it is unavailable (aria-disabled) outside a link
  };

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttonNames.length - 1;
    const next = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  const closeLink = () => {
    setLinkOpen(false);
    editor.commands.focus();
  };

  return (
    <>
      <div className="rich-text-toolbar" role="toolbar" aria-label={texts.toolbar(label)} aria-controls={id} onKeyDown={move}>
        {buttonNames.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`rich-text-toolbar__button rich-text-toolbar__button--${name}`}
            tabIndex={index === current ? 0 : -1}
            aria-pressed={pressed[name]}
            aria-disabled={name === 'unlink' && !state.link ? true : undefined}
            onFocus={() => setCurrent(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={act[name]}
          >
            <span aria-hidden="true" className="rich-text-toolbar__icon">
              {icons[name]}
            </span>
            {texts[name]}
          </button>
        ))}
      </div>
      {linkOpen ? <LinkForm editor={editor} id={`${id}-link`} href={state.href} needsText={state.selectionEmpty && !state.link} onDone={closeLink} /> : null}
    </>
  );
}

/** Small marks beside the words, so the buttons are recognised at a glance (the word is the name). */
const icons: Record<ButtonName, string> = { bold: 'B', italic: 'I', bulletList: '•', orderedList: '1.', link: '↗', unlink: '×' };
