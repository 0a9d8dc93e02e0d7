/**
 * The typed client of Styrkort's JSON API. Shapes come from src/contract (request and response
 * schemas shared with the server) and src/domain/plan.ts (the plan file); only their types are
 * imported, so zod stays out of the browser bundle. Errors carry the server's stable code and
 * Swedish message.
 */
import type { z } from 'zod';
import type { AuditEvent as AuditEventSchema, AuditList, ErrorBody, PlanList, PlanSummary as PlanSummarySchema, SessionInfo as SessionInfoSchema, StatusChange } from '../contract/api.ts';
import type { ItemList, OrganisationEntry as OrganisationEntrySchema, OrganisationList } from '../contract/plans.ts';
import type { Indicator, OrgNode, PlanFile, VolumeTable } from '../domain/plan.ts';

export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export type Problem = z.infer<typeof ErrorBody>['problems'][number];
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type { Indicator, OrgNode, PlanFile, VolumeTable };

/** One node of GET /api/organisation: its version, its municipality's four-digit code, the node. */
export type OrganisationEntry = z.infer<typeof OrganisationEntrySchema>;
type ItemEntry = z.infer<ReturnType<typeof ItemList>>['items'][number];
/** A part's items each with its version (GET /api/plans/{plan}/{part}), the item typed by its part. */
export type VersionedItems<T> = { items: Array<Omit<ItemEntry, 'item'> & { item: T }> };

/** A failed request: `code` is the server's stable error code, or 'network' / 'unexpected'. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    /** Extra data of the error, e.g. `{ current: { version, item } }` with a 412. */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A response body with the version (ETag) it was read at; writes send it back in If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/** The CSRF token of the session, held in memory only; writes send it in X-CSRF-Token. */
let csrfToken: string | null = null;
/** Called when the API answers 401 to a request made while logged in: the session has ended. */
let onSessionEnded: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for a write sent outside `request` (an upload with progress, imports-api.ts). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

export function setSessionEndedHandler(handler: (() => void) | null): void {
  onSessionEnded = handler;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function request<T>(path: string, init: RequestInit = {}): Promise<Versioned<T>> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) };
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Servern svarar inte');
  }
  const body: unknown =
    response.status === 204
      ? null
      : await response.json().catch((error: unknown) => {
          // Cancelled while the body was read: the caller's abort, not an empty answer.
          if (init.signal?.aborted) throw error;
          return null;
        });
  if (!response.ok) {
    const error = (body ?? {}) as Partial<z.infer<typeof ErrorBody>>;
    if (response.status === 401 && csrfToken !== null && !path.startsWith('/api/session')) {
      csrfToken = null;
      onSessionEnded?.();
    }
    throw new ApiError(response.status, error.code ?? 'unexpected', error.message ?? `HTTP ${response.status}`, error.problems ?? [], error.details);
  }
  return { data: body as T, etag: response.headers.get('etag') };
}

function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

/** Adopted plans for the public; every plan the account may read once logged in. */
export async function listPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  return (await request<z.infer<typeof PlanList>>('/api/plans', { signal })).data.plans;
}

/** A whole plan as its plan file, with its version. */
export async function getPlan(planKey: string, signal?: AbortSignal): Promise<Versioned<PlanFile>> {
  return request<PlanFile>(`/api/plans/${encodeURIComponent(planKey)}`, { signal });
}

/** Every municipality's organisation tree, flat, in the stored order. */
export async function getOrganisation(signal?: AbortSignal): Promise<OrganisationEntry[]> {
  return (await request<z.infer<typeof OrganisationList>>('/api/organisation', { signal })).data.nodes;
}

/** Who is logged in, or null. */
export async function getSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = (await request<SessionInfo>('/api/session', { signal })).data;
    csrfToken = session.csrfToken;
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      csrfToken = null;
      return null;
    }
    throw error;
  }
}

/** Logs in; the cookie is set by the server, the CSRF token is kept in memory. */
export async function login(username: string, password: string): Promise<SessionInfo> {
  const session = (await request<SessionInfo>('/api/session', json('POST', { username, password }))).data;
  csrfToken = session.csrfToken;
  return session;
}

/** Logs out (the server forgets the session and clears the cookie). */
export async function logout(): Promise<void> {
  try {
    await request<null>('/api/session', { method: 'DELETE' });
  } finally {
    csrfToken = null;
  }
}

const planPath = (planKey: string) => `/api/plans/${encodeURIComponent(planKey)}`;

/** One indicator with its version. */
export async function getIndicator(planKey: string, key: string, signal?: AbortSignal): Promise<Versioned<Indicator>> {
  return request<Indicator>(`${planPath(planKey)}/indicators/${encodeURIComponent(key)}`, { signal });
}

/** Replaces an indicator; `etag` is the version it was read at (412 with details.current when stale). */
export async function putIndicator(planKey: string, indicator: Indicator, etag: string): Promise<Versioned<Indicator>> {
  return request<Indicator>(`${planPath(planKey)}/indicators/${encodeURIComponent(indicator.key)}`, json('PUT', indicator, { 'if-match': etag }));
}

/** One volume table with its version. */
export async function getVolumeTable(planKey: string, key: string, signal?: AbortSignal): Promise<Versioned<VolumeTable>> {
  return request<VolumeTable>(`${planPath(planKey)}/volume-tables/${encodeURIComponent(key)}`, { signal });
}

/** One cell change: the row's key, the column's key and the printed text (null clears the cell). */
export interface CellChange {
  row: string;
  column: string;
  text: string | null;
}

/** Changes many cells of a volume table in one audited change; 412 with details.current when stale. */
export async function patchVolumeCells(planKey: string, key: string, cells: CellChange[], etag: string): Promise<Versioned<VolumeTable>> {
  return request<VolumeTable>(`${planPath(planKey)}/volume-tables/${encodeURIComponent(key)}/cells`, json('PATCH', { cells }, { 'if-match': etag }));
}

export type WorkflowStep = 'submit' | 'reopen' | 'adopt' | 'archive';
export interface AdoptionDecision {
  date: string;
  body: string;
  paragraph: string;
  caseNumber?: string;
}

/** A workflow step on the plan; `etag` is the plan's version (GET /api/plans/{plan}). */
export async function takeWorkflowStep(planKey: string, step: WorkflowStep, etag: string, decision?: AdoptionDecision): Promise<z.infer<typeof StatusChange>> {
  return (await request<z.infer<typeof StatusChange>>(`${planPath(planKey)}/${step}`, json('POST', decision ? { decision } : {}, { 'if-match': etag }))).data;
}

/** The audit trail of one entity of a plan, newest last as the server orders it. */
export async function getAudit(query: { plan: string; entityType: string; entityKey: string }, signal?: AbortSignal): Promise<AuditEvent[]> {
  const search = new URLSearchParams(query);
  return (await request<z.infer<typeof AuditList>>(`/api/audit?${search}`, { signal })).data.events;
}

/** The plan document in a format, as a download address. */
export const documentFormats = ['pdf', 'docx', 'xlsx', 'html'] as const;
export type DocumentFormat = (typeof documentFormats)[number];
export const documentUrl = (planKey: string, format: DocumentFormat) => `${planPath(planKey)}/document.${format}`;

/** A GET of any API path, typed by the caller (follow-up and comparison, in follow-up-api.ts). */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { signal })).data;
}

/** A GET with the version (ETag) the data was read at. */
export async function getVersioned<T>(path: string, signal?: AbortSignal): Promise<Versioned<T>> {
  return request<T>(path, { signal });
}

/** A write to any API path with the session's CSRF token; `etag` goes in If-Match (required for PUT, PATCH and DELETE of versioned resources). */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, etag?: string): Promise<Versioned<T>> {
  const headers: Record<string, string> = etag ? { 'if-match': etag } : {};
  return request<T>(path, body === undefined ? { method, headers } : json(method, body, headers));
}

/** The API path of a part of a plan, or of one item of it: /api/plans/{plan}/{segment}[/{key}]. */
export const itemPath = (planKey: string, segment: string, key?: string) => `${planPath(planKey)}/${segment}${key === undefined ? '' : `/${encodeURIComponent(key)}`}`;

/** One item of a plan part with its version. */
export const getItem = <T>(planKey: string, segment: string, key: string, signal?: AbortSignal) => getVersioned<T>(itemPath(planKey, segment, key), signal);
/** Adds an item to a plan part (201 with its version). */
export const createItem = <T>(planKey: string, segment: string, item: T) => sendJson<T>('POST', itemPath(planKey, segment), item);
/** Replaces an item; `etag` is the version it was read at (412 with details.current = { version, item } when stale). */
export const putItem = <T>(planKey: string, segment: string, key: string, item: T, etag: string) => sendJson<T>('PUT', itemPath(planKey, segment, key), item, etag);
/** Deletes an item at the version it was read at (409 when something refers to it). */
export const deleteItem = (planKey: string, segment: string, key: string, etag: string) => sendJson<null>('DELETE', itemPath(planKey, segment, key), undefined, etag);
/** Changes many cells of a volume, budget or investment table in one audited change. */
export const patchCells = <T>(planKey: string, segment: 'volume-tables' | 'budget-tables' | 'capital-budgets', key: string, cells: CellChange[], etag: string) =>
  sendJson<T>('PATCH', `${itemPath(planKey, segment, key)}/cells`, { cells }, etag);
