/**
 * The one rule for text that enters Styrkort (issue 10, defects 6 and 14): text is stored in
 * Unicode NFC, so "å" typed on a Mac and "å" typed on Windows are the same key and the same
 * word; control characters (except tab, newline and carriage return), unpaired surrogates and
 * the non-characters U+FFFE/U+FFFF are refused with a message that names the character and where
 * it stands — never stripped silently, never left for the database to choke on.
 *
 * The API's body parser, its parameters and headers, the CLI's file reader and arguments, and the
 * web app's inputs all call these functions; nothing else decides what text is acceptable.
 */
import { capProblems, formatPath, maxListedProblems, type Problem } from './errors.ts';

// C0 controls but tab (09), newline (0A) and carriage return (0D); DEL and the C1 controls; the two
// non-characters; and a surrogate half without its partner.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const controlNames: Record<number, string> = { 0: 'NUL-tecknet', 0x1b: 'ESC-tecknet', 0x7f: 'DEL-tecknet' };

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text is refused (one Swedish sentence), or null when it is acceptable. */
export function textProblem(text: string): string | null {
  const match = forbidden.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const where = `tecken ${match.index + 1}`;
  if (code >= 0xd800 && code <= 0xdfff) {
    return `Texten innehåller ett trasigt tecken (ett ensamt surrogat, ${hex(code)}) vid ${where}; skriv om eller klistra in texten på nytt`;
  }
  if (code === 0xfffe || code === 0xffff) return `Texten innehåller ${hex(code)}, som inte är ett tecken, vid ${where}; ta bort det`;
  const name = controlNames[code] ?? `styrtecknet ${hex(code)}`;
  return `Texten innehåller ${name} (${hex(code)}) vid ${where}; det är inte tillåtet i text (bara tabb och radbrytning är det)`;
}

/** The text in Unicode NFC (composed form), the form Styrkort stores and compares. */
export function normaliseText(text: string): string {
  // Plain ASCII is already NFC; skipping it keeps a 20 MB plan file fast.
  return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFC');
}

/** Deepest nesting a document may have: far beyond any plan file, well within the stack. */
export const maxDepth = 64;

/**
 * Checks and normalises every text (values and field names) and number of a parsed JSON document:
 * texts in NFC, refused characters and field names reported with their paths, numbers that did
 * not fit (1e309 reads as Infinity) and "__proto__" refused. Returns the normalised copy, the
 * problems (at most 100 listed) and how many there are.
 */
export function normaliseJsonTree(value: unknown): { value: unknown; problems: Problem[]; count: number } {
  const problems: Problem[] = [];
  let count = 0;
  // One path stack for the whole walk: a 20 MB plan has millions of values, and most need no path.
  const path: Array<string | number> = [];
  const report = (message: string, code: string, last?: string | number) => {
    count += 1;
    if (problems.length < maxListedProblems) problems.push({ path: formatPath(last === undefined ? path : [...path, last]), message, code });
  };
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) report(problem, 'text');
      return normaliseText(node);
    }
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) report('Talet är för stort', 'number');
      return node;
    }
    if (node === null || typeof node !== 'object') return node;
    if (path.length >= maxDepth) {
      report(`Innehållet är nästlat i fler än ${maxDepth} nivåer`, 'depth');
      return null;
    }
    if (Array.isArray(node)) {
      const out = new Array<unknown>(node.length);
      for (let index = 0; index < node.length; index += 1) {
        path.push(index);
        out[index] = visit(node[index]);
        path.pop();
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [rawKey, item] of Object.entries(node)) {
      const problem = textProblem(rawKey);
      if (problem) report(`Fältnamnet: ${problem}`, 'text', rawKey);
      if (rawKey === '__proto__') {
        report('Fältnamnet "__proto__" är inte tillåtet', 'field-name');
        continue;
      }
      const key = normaliseText(rawKey);
      if (Object.hasOwn(out, key)) report(`Fältet "${key}" förekommer två gånger (en gång i annan Unicode-form)`, 'field-name', key);
      path.push(rawKey);
      out[key] = visit(item);
      path.pop();
    }
    return out;
  };
  const normalised = visit(value);
  return { value: normalised, problems: capProblems(problems, count), count };
}
