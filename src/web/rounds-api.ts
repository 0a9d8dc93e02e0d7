/**
 * The typed client of follow-up rounds (src/contract/rounds.ts shapes, types only): a plan's
 * rounds, one round, an assignment and its items, the account's own assignments and notices.
 * Writes send the version they read (If-Match) and the session's CSRF token.
 */
import type { z } from 'zod';
import type { AssignmentView, ItemSaved, MyAssignmentList, NoticeList, RoundList, RoundStepResult, RoundTemplate, RoundView } from '../contract/rounds.ts';
import { getJson, getVersioned, sendJson, type Versioned } from './api.ts';

export type Round = z.infer<typeof RoundView>;
export type Assignment = z.infer<typeof AssignmentView>;
export type AssignmentItem = Assignment['items'][number];
export type Template = z.infer<typeof RoundTemplate>;
export type MyAssignment = z.infer<typeof MyAssignmentList>['assignments'][number];
export type Notices = z.infer<typeof NoticeList>;
export type RoundStep = 'submit' | 'reopen' | 'adopt';
export interface RoundDecision {
  date: string;
  body: string;
  paragraph: string;
  caseNumber?: string;
}

const enc = encodeURIComponent;
const roundsPath = (planKey: string) => `/api/plans/${enc(planKey)}/rounds`;
const roundPath = (planKey: string, period: string) => `${roundsPath(planKey)}/${enc(period)}`;
const assignmentPath = (planKey: string, period: string, node: string) => `${roundPath(planKey, period)}/assignments/${enc(node)}`;

export const listRounds = async (planKey: string, signal?: AbortSignal) => (await getJson<z.infer<typeof RoundList>>(roundsPath(planKey), signal)).rounds;
export const getRound = (planKey: string, period: string, signal?: AbortSignal) => getVersioned<Round>(roundPath(planKey, period), signal);
export const openRound = (planKey: string, body: { period: string; deadline: string; reminderDays?: number; template?: Template }) => sendJson<Round>('POST', roundsPath(planKey), body);
export const changeRound = (planKey: string, period: string, body: { deadline?: string; reminderDays?: number }, etag: string) => sendJson<Round>('PATCH', roundPath(planKey, period), body, etag);
export const takeRoundStep = (planKey: string, period: string, step: RoundStep, etag: string, body: { decision?: RoundDecision; includeUnfinished?: boolean } = {}) =>
  sendJson<z.infer<typeof RoundStepResult>>('POST', `${roundPath(planKey, period)}/${step}`, body, etag);
export const roundReportUrl = (planKey: string, period: string, format: 'pdf' | 'docx' | 'xlsx' | 'html') => `${roundPath(planKey, period)}/report.${format}`;

export const getAssignment = (planKey: string, period: string, node: string, signal?: AbortSignal) => getVersioned<Assignment>(assignmentPath(planKey, period, node), signal);
export const markDone = (planKey: string, period: string, node: string, etag: string) => sendJson<Assignment>('POST', `${assignmentPath(planKey, period, node)}/done`, undefined, etag);
export const sendBack = (planKey: string, period: string, node: string, comment: string, etag: string) => sendJson<Assignment>('POST', `${assignmentPath(planKey, period, node)}/send-back`, { comment }, etag);
export const setResponsible = (planKey: string, period: string, node: string, responsible: string, etag: string) => sendJson<Assignment>('PATCH', assignmentPath(planKey, period, node), { responsible }, etag);
export const writeItem = (planKey: string, period: string, node: string, item: string, value: { text: string; assessment: string | null }, etag: string): Promise<Versioned<z.infer<typeof ItemSaved>>> =>
  sendJson('PUT', `${assignmentPath(planKey, period, node)}/items/${enc(item)}`, value, etag);

export const getMyAssignments = async (signal?: AbortSignal) => (await getJson<z.infer<typeof MyAssignmentList>>('/api/me/assignments', signal)).assignments;
export const getNotices = (signal?: AbortSignal) => getJson<Notices>('/api/me/notices', signal);
export const readNotice = (id: number) => sendJson<null>('POST', `/api/me/notices/${id}/read`);
