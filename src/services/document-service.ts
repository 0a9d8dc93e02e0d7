/**
 * Documents from a plan: the verksamhetsplan and the follow-up reports as PDF, Word, Excel or
 * HTML. The view model is built once (src/documents), then laid out by the format's renderer,
 * which is loaded only when asked for. An adopted plan's document is built from its adoption
 * snapshot, so what is published is exactly what was decided.
 */
import { StyrkortError } from '../domain/errors.ts';
import { isBuiltFromSnapshot } from '../domain/plan-lifecycle.ts';
import type { PlanFile } from '../domain/plan.ts';
import type { Db } from '../db/connection.ts';
import type { DocumentView } from '../documents/view-model.ts';
import { exportPlan } from './plan-service.ts';
import { getAdoptionSnapshot } from './workflow-service.ts';
import type { KoladaReport } from '../documents/report-view-model.ts';

export const documentFormats = ['pdf', 'docx', 'xlsx', 'html'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export interface RenderedDocument {
  body: Buffer;
  contentType: string;
  filename: string;
}

const contentTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** Whether a text names a document format. */
export function isDocumentFormat(format: string): format is DocumentFormat {
  return (documentFormats as readonly string[]).includes(format);
}

/** The plan document in a format. */
export async function renderPlanDocument(plan: PlanFile, format: DocumentFormat): Promise<RenderedDocument> {
  const { buildPlanDocument } = await import('../documents/plan-view-model.ts');
  return renderView(buildPlanDocument(plan), format);
}

/** A follow-up report of a plan for a period: 'YYYY-MM' is a monthly follow-up, 'YYYY' the year's report. */
export async function renderReport(plan: PlanFile, options: { period: string; format: DocumentFormat; kolada?: KoladaReport }): Promise<RenderedDocument> {
  const { buildReportDocument } = await import('../documents/report-view-model.ts');
  return renderView(buildReportDocument(plan, { period: options.period, ...(options.kolada ? { kolada: options.kolada } : {}) }), options.format);
}

/** Lays out a view model in a format. */
export async function renderView(view: DocumentView, format: DocumentFormat): Promise<RenderedDocument> {
  const body = await renderBody(view, format);
  return { body, contentType: contentTypes[format], filename: `${view.filename}.${format}` };
}

async function renderBody(view: DocumentView, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return (await import('../documents/pdf.ts')).renderPdf(view);
    case 'docx':
      return (await import('../documents/docx.ts')).renderDocx(view);
    case 'xlsx':
      return (await import('../documents/xlsx.ts')).renderXlsx(view);
    case 'html':
      return Buffer.from((await import('../documents/html.ts')).renderHtml(view), 'utf8');
    default:
      throw new StyrkortError('usage', `Okänt format "${String(format)}". Tillgängliga format: ${documentFormats.join(', ')}`);
  }
}

/**
 * The content a plan's document is built from: for an adopted or archived plan its latest
 * adoption snapshot, when it has one (a plan imported as adopted has none, and cannot change);
 * otherwise the plan as it stands.
 */
export async function loadPlanForDocument(db: Db, planKey: string): Promise<PlanFile> {
  const plan = await exportPlan(db, planKey);
  if (!isBuiltFromSnapshot(plan.plan.status)) return plan;
  try {
    return (await getAdoptionSnapshot(db, planKey)).content;
  } catch (error) {
    if (error instanceof StyrkortError && error.code === 'not-found') return plan;
    throw error;
  }
}
