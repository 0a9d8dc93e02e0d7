/**
 * Text chunks to lines, a batch per chunk (a synchronous loop over a batch is much cheaper than
 * one await per line). Line ends are LF or CR LF; a final line without a line end is a line. A
 * line longer than the limit stops the reading, so that a file without line ends cannot fill the
 * memory.
 */
import type { ProblemCollector } from '../report.ts';

/** Longest line a text reader accepts (1 MiB of characters). */
export const MAX_LINE_LENGTH = 1 << 20;

/** Splits decoded text into lines; each batch holds the complete lines of one chunk. */
export async function* splitLines(chunks: AsyncIterable<string>, problems: ProblemCollector): AsyncGenerator<string[]> {
  let rest = '';
  let lineCount = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (rest.length > MAX_LINE_LENGTH) {
      problems.fail({ line: lineCount + lines.length + 1, reason: 'Raden är längre än 1 MiB tecken; filen är ingen textfil med rader.' });
    }
    lineCount += lines.length;
    if (lines.length > 0) yield lines.map(stripCarriageReturn);
  }
  if (rest.length > 0) yield [stripCarriageReturn(rest)];
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
