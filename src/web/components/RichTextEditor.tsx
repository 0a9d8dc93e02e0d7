/**
 * STAND-IN for the rich text editor (another helper builds the real one with the same contract):
 * a labelled textarea over the restricted HTML. The server sanitises whatever is sent.
 */
export interface RichTextEditorProps {
  id: string;
  label: string;
  /** Restricted HTML: p, strong, em, ul, ol, li, a, br. */
  value: string;
  onChange: (html: string) => void;
  describedBy?: string;
  disabled?: boolean;
}

export function RichTextEditor({ id, label, value, onChange, describedBy, disabled }: RichTextEditorProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} lang="sv" rows={5} value={value} aria-describedby={describedBy} readOnly={disabled} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
