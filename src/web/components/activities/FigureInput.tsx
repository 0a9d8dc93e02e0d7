/** A printed figure field ("Egen tid", "250", "-1 200") with live feedback: the number it reads, or that it is missing or words. */
import { readFigure } from '../../activities-view.ts';
import { useI18n, type Messages } from '../../i18n/index.tsx';
import { FieldProblems } from './FieldProblems.tsx';

function readingText(t: Messages, text: string): { kind: string; text: string } {
  const reading = readFigure(text);
  const texts = t.activities.reading;
  switch (reading.kind) {
    case 'missing':
      return { kind: 'missing', text: texts.missing };
    case 'number':
      return { kind: 'number', text: texts.number(reading.value) };
    case 'annotated':
      return { kind: 'number', text: texts.annotated(reading.value, reading.annotation) };
    case 'sum':
      return { kind: 'number', text: texts.sum(reading.value, reading.parts.join(' + ')) };
    default:
      return { kind: 'text', text: texts.text };
  }
}

interface Props {
  id: string;
  label: string;
  value: string;
  readOnly: boolean;
  helpId: string;
  problems: string[] | undefined;
  onChange: (text: string) => void;
}

export function FigureInput({ id, label, value, readOnly, helpId, problems, onChange }: Props) {
  const { t } = useI18n();
  const reading = readingText(t, value);
  const describedBy = [helpId, `${id}-reading`, problems ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return (
    <div className="field figure-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} lang="sv" value={value} readOnly={readOnly} aria-invalid={problems ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />
      <p id={`${id}-reading`} className={`figure-reading figure-reading--${reading.kind}`} aria-live="polite" data-reading={reading.kind}>
        {reading.text}
      </p>
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}
