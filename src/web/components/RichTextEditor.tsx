/**
 * The app's rich-text editor (TipTap): only what every plan document can print — paragraphs, bold,
 * italic, bulleted and numbered lists, links and line breaks. The output is the plan's restricted
 * HTML, serialised by rich-text-output.ts (never the editor's own HTML), so it is always within what
 * the server accepts. onChange is called on the reader's edits only: a value opened and left alone
 * is never sent back changed, and undoing every edit gives back the exact value that came in.
 *
 * Accessibility: a visible label tied to the editable area (role="textbox", aria-multiline), a
 * toolbar with one tab stop and arrow keys between its toggle buttons (aria-pressed), links typed
 * in an inline form (no prompt), and Tab always leaves the text box (it never indents a list).
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { richTextFromDoc, type DocNode } from '../rich-text-output.ts';
import { cleanPastedHtml } from './content-editor/clean-pasted-html.ts';
import { RichTextToolbar } from './content-editor/RichTextToolbar.tsx';
import '../rich-text-editor.css';

const allowedLink = /^(https?:\/\/|mailto:)\S+$/i;

/** The schema: StarterKit without what documents cannot print, links without target/rel/class. */
const extensions = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      defaultProtocol: 'https',
      protocols: [],
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url: string) => allowedLink.test(url.trim()),
    },
  }),
];

export interface RichTextEditorProps {
  id: string;
  label: string;
  value: string;
  onChange(html: string): void;
  describedBy?: string;
  disabled?: boolean;
}

export function RichTextEditor(props: RichTextEditorProps) {
  const { id, label, value, describedBy, disabled = false } = props;
  const { t } = useI18n();
  const labelId = `${id}-label`;
  const keysId = `${id}-keys`;
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  // The value last known to be in the editor, and what the editor writes for it unedited.
  const shown = useRef(value);
  const baseline = useRef<{ value: string; output: string } | null>(null);

  const editorProps = useMemo(() => {
    const described = [describedBy, disabled ? undefined : keysId].filter(Boolean).join(' ');
    const result: Record<string, string> = { id, role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, class: 'rich-text-editor__area' };
    if (described) result['aria-describedby'] = described;
    if (disabled) result['aria-readonly'] = 'true';
    return { attributes: result, transformPastedHTML: cleanPastedHtml };
  }, [id, labelId, keysId, describedBy, disabled]);

  const editor = useEditor({
    extensions,
    content: value,
    editable: !disabled,
    editorProps,
    onUpdate: ({ editor: current }) => {
      const output = richTextFromDoc(current.getJSON() as DocNode);
      const next = baseline.current && output === baseline.current.output ? baseline.current.value : output;
      if (next === shown.current) return; // e.g. the trailing paragraph the editor adds after a list
      shown.current = next;
      onChange.current(next);
    },
  });

  // What the editor writes for the value as it came in; an edit that returns to it gives the value back.
  useEffect(() => {
    if (!baseline.current) baseline.current = { value, output: richTextFromDoc(editor.getJSON() as DocNode) };
  }, [editor, value]);

  // A new value from outside (the saved version chosen in a conflict): show it without reporting a change.
  useEffect(() => {
    if (value === shown.current) return;
    editor.commands.setContent(value, { emitUpdate: false });
    shown.current = value;
    baseline.current = { value, output: richTextFromDoc(editor.getJSON() as DocNode) };
  }, [editor, value]);

  useEffect(() => {
    if (editor.isEditable === disabled) editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  // Tab moves on to the next field, as in any form: stop it before the list keymap indents an item.
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const leaveOnTab = (event: KeyboardEvent) => {
      if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey && (event.target as HTMLElement).closest('.ProseMirror')) event.stopPropagation();
    };
    element.addEventListener('keydown', leaveOnTab, true);
    return () => element.removeEventListener('keydown', leaveOnTab, true);
  }, []);

  return (
    <div className={disabled ? 'rich-text-editor rich-text-editor--disabled' : 'rich-text-editor'} ref={wrapper}>
      <div id={labelId} className="rich-text-editor__label" onClick={() => editor.commands.focus()}>
        {label}
      </div>
      {disabled ? null : <RichTextToolbar editor={editor} id={id} label={label} />}
      <EditorContent editor={editor} className="rich-text-editor__content" lang="sv" />
      {disabled ? null : (
        <p id={keysId} className="rich-text-editor__keys">
          {t.contentEditor.richText.keys}
        </p>
      )}
    </div>
  );
}
