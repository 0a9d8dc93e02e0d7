/** `styrkort export PLAN --format json|pdf|docx|xlsx|html [--out FILE]`. */
import { writeFileSync } from 'node:fs';
import { StyrkortError } from '../domain/errors.ts';
import { documentFormats, isDocumentFormat, loadPlanForDocument, renderPlanDocument, type RenderedDocument } from '../services/document-service.ts';
import { exportPlan, planFileText } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export const exportFormats = ['json', ...documentFormats] as const;

export async function exportCommand(planKey: string, options: GlobalOptions & { format: string; out?: string }): Promise<void> {
  const format = options.format;
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new StyrkortError('usage', `Okänt format "${format}". Tillgängliga format: ${exportFormats.join(', ')}`);
  }
  if (!isDocumentFormat(format)) {
    const plan = await withDatabase(options, 'styrkort export', ({ db }) => exportPlan(db, planKey));
    const text = planFileText(plan);
    if (options.out) {
      writeFileSync(options.out, text);
      console.error(`Skrev ${planKey} till ${options.out}`);
    } else {
      process.stdout.write(text);
    }
    return;
  }
  // An adopted plan's document is built from its adoption snapshot.
  const plan = await withDatabase(options, 'styrkort export', ({ db }) => loadPlanForDocument(db, planKey));
  writeDocument(await renderPlanDocument(plan, format), options.out);
}

/**
 * Writes a document to --out; without it, to standard output when that is a pipe or a file, and
 * to a file named after the document when it is a terminal (binary output would garble it).
 */
export function writeDocument(document: RenderedDocument, out: string | undefined): void {
  const file = out ?? (process.stdout.isTTY ? document.filename : undefined);
  if (file) {
    writeFileSync(file, document.body);
    console.error(`Skrev ${file} (${formatSize(document.body.length)})`);
  } else {
    process.stdout.write(document.body);
  }
}

function formatSize(bytes: number): string {
  return bytes < 10_240 ? `${bytes} byte` : `${Math.round(bytes / 1024)} kB`;
}
