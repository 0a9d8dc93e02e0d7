/** The server's problems with one field (400), next to the field. */
export function FieldProblems({ id, problems }: { id: string; problems: string[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  return (
    <p id={id} className="field__error" lang="sv" data-problem="">
      {problems.join(' ')}
    </p>
  );
}
