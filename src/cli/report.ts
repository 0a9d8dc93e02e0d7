/** `styrkort report PLAN --period 2020-08 --format pdf|docx|xlsx|html [--out FILE]`. */
import { StyrkortError } from '../domain/errors.ts';
import { documentFormats, isDocumentFormat, loadPlanForDocument, renderReport } from '../services/document-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { writeDocument } from './export.ts';

export async function reportCommand(planKey: string, options: GlobalOptions & { period: string; format: string; out?: string }): Promise<void> {
  if (!isDocumentFormat(options.format)) {
    throw new StyrkortError('usage', `Okänt format "${options.format}". Tillgängliga format: ${documentFormats.join(', ')}`);
  }
  if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(options.period)) {
    throw new StyrkortError('usage', `Perioden "${options.period}" anges som ÅÅÅÅ (årsrapport) eller ÅÅÅÅ-MM (månadsuppföljning), t.ex. 2017-08`);
  }
  const plan = await withDatabase(options, 'styrkort report', ({ db }) => loadPlanForDocument(db, planKey));
  writeDocument(await renderReport(plan, { period: options.period, format: options.format }), options.out);
}
