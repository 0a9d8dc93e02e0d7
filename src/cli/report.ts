/** `styrkort report PLAN --period 2020-08 --format pdf|docx|xlsx|html [--out FILE]`. */
import { StyrkortError } from '../domain/errors.ts';
import { periodProblem } from '../domain/period.ts';
import { documentFormats, isDocumentFormat, loadPlanForDocument, renderReport } from '../services/document-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { writeDocument } from './export.ts';

export async function reportCommand(planKey: string, options: GlobalOptions & { period: string; format: string; out?: string }): Promise<void> {
  if (!isDocumentFormat(options.format)) {
    throw new StyrkortError('usage', `Okänt format "${options.format}". Tillgängliga format: ${documentFormats.join(', ')}`);
  }
  const problem = periodProblem(options.period);
  if (problem) throw new StyrkortError('usage', `${problem} (ÅÅÅÅ: årsrapport, ÅÅÅÅ-MM: månadsuppföljning), t.ex. 2017-08`);
  const plan = await withDatabase(options, 'styrkort report', ({ db }) => loadPlanForDocument(db, planKey));
  writeDocument(await renderReport(plan, { period: options.period, format: options.format }), options.out);
}
