/**
 * The imports of actuals through the API (issue 14): a file sent as the raw body with its upload
 * progress (XMLHttpRequest: fetch reports no upload progress), the history, undo, the mappings.
 */
import type { z } from 'zod';
import type { ErrorBody } from '../contract/api.ts';
import type { ImportOutcomeBody, ImportRecordBody, LedgerMappingList } from '../contract/imports.ts';
import { ApiError, currentCsrfToken, getJson, sendJson } from './api.ts';

export type { ImportOutcomeBody, ImportRecordBody };
export type ImportKind = ImportRecordBody['kind'];
export type MappingSummary = z.infer<typeof LedgerMappingList>['mappings'][number];

/** Where a file of a kind goes, for a dry run or the import itself. */
export function importUrl(kind: ImportKind, planKey: string, options: { dryRun: boolean; mapping?: string }): string {
  const query = new URLSearchParams();
  if (kind === 'ledger') {
    query.set('mapping', options.mapping ?? '');
    query.set('plan', planKey);
  }
  if (options.dryRun) query.set('dryRun', 'true');
  return kind === 'ledger' ? `/api/imports/ledger?${query}` : `/api/plans/${encodeURIComponent(planKey)}/imports/actuals?${query}`;
}

/** Sends a file as the body; `onProgress` gets the share sent (0–1). Answers the outcome, or throws ApiError with the report. */
export function uploadImport(url: string, file: Blob, fileName: string, onProgress: (share: number) => void): Promise<ImportOutcomeBody> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(fileName));
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Servern svarar inte'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportOutcomeBody);
      const error = (body ?? {}) as Partial<z.infer<typeof ErrorBody>>;
      reject(new ApiError(xhr.status, error.code ?? 'unexpected', error.message ?? `Oväntat svar (${xhr.status})`, error.problems ?? [], error.details));
    };
    xhr.send(file);
  });
}

/** The plan's imports, newest first. */
export async function listImports(planKey: string, signal?: AbortSignal): Promise<ImportRecordBody[]> {
  return (await getJson<{ imports: ImportRecordBody[] }>(`/api/imports?plan=${encodeURIComponent(planKey)}`, signal)).imports;
}

/** Undoes an import as a whole. */
export async function undoImport(id: number): Promise<ImportRecordBody> {
  return (await sendJson<ImportRecordBody>('POST', `/api/imports/${id}/undo`)).data;
}

/** The stored ledger mappings. */
export async function listMappings(signal?: AbortSignal): Promise<MappingSummary[]> {
  return (await getJson<z.infer<typeof LedgerMappingList>>('/api/ledger-mappings', signal)).mappings;
}
