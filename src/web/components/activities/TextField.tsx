/** A labelled text input of the activity form, with its help text and the server's problems. */
import { FieldProblems } from './FieldProblems.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  readOnly: boolean;
  help?: string;
  problems: string[] | undefined;
  onChange: (text: string) => void;
}

export function TextField({ id, label, value, readOnly, help, problems, onChange }: Props) {
  const describedBy = [help ? `${id}-help` : '', problems ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help ? (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      ) : null}
      <input id={id} lang="sv" value={value} readOnly={readOnly} aria-invalid={problems ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}
