/** The year rollover through the API: the preview (GET, writes nothing) and the real thing (POST, 201). */
import type { z } from 'zod';
import type { RolloverPreview as RolloverPreviewSchema } from '../../../contract/api.ts';
import { ApiError, getJson, sendJson } from '../../api.ts';

/** What the server says the rollover copies and leaves (the contract's, declared once in domain/rollover.ts). */
export type RolloverPreview = z.infer<typeof RolloverPreviewSchema>;

export interface RolloverInput {
  /** "2021-2023". */
  to: string;
  key?: string;
}

const rolloverPath = (planKey: string) => `/api/plans/${encodeURIComponent(planKey)}/rollover`;

/** "2021–2023" or "2021 - 2023" as the API writes it: "2021-2023". */
export function normalisePeriod(text: string): string {
  return text.trim().replace(/\s*[-–—]\s*/, '-');
}

export function previewRollover(planKey: string, input: RolloverInput, signal?: AbortSignal): Promise<RolloverPreview> {
  const query = new URLSearchParams({ to: input.to });
  if (input.key) query.set('key', input.key);
  return getJson<RolloverPreview>(`${rolloverPath(planKey)}?${query}`, signal);
}

export async function createRollover(planKey: string, input: RolloverInput): Promise<RolloverPreview> {
  return (await sendJson<RolloverPreview>('POST', rolloverPath(planKey), input.key ? input : { to: input.to })).data;
}

/** Whether a plan with the key exists already (readable to the account): then creating it would be refused. */
export async function planExists(planKey: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await getJson(`/api/plans/${encodeURIComponent(planKey)}`, signal);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}
