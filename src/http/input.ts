/**
 * Text at the HTTP edge (issue 10, defects 6 and 14): request bodies are read by the same JSON
 * reader as the CLI's plan files (strict UTF-8, Swedish syntax errors with line and column, every
 * text in NFC, control characters and unpaired surrogates refused with their path), and path
 * parameters, query strings and the X-Reason header go through the same text rule before any
 * route sees them. Nothing with a NUL byte reaches the database.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StyrkortError, type Problem } from '../domain/errors.ts';
import { readJsonBytes } from '../domain/json-input.ts';
import { normaliseText, textProblem } from '../domain/text-input.ts';

/** Replaces Fastify's JSON body parser with Styrkort's reader. */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, readJsonBytes(body as Buffer, 'Kroppen'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** Checks and normalises every text of a parameter object in place; returns the problems. */
function normaliseStrings(values: unknown, context: string): Problem[] {
  if (values === null || typeof values !== 'object') return [];
  const record = values as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(record)) {
    const texts = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      if (typeof text !== 'string') continue;
      const problem = textProblem(text) ?? textProblem(name);
      if (problem) problems.push({ path: `${context}:$.${name}`, message: problem, code: 'text' });
    }
    if (typeof value === 'string') record[name] = normaliseText(value);
    else if (Array.isArray(value)) record[name] = value.map((text) => (typeof text === 'string' ? normaliseText(text) : text));
  }
  return problems;
}

/** The X-Reason header decoded (it is URL-encoded so it can carry åäö), or null when absent or undecodable. */
function decodedReason(request: FastifyRequest): string | null {
  const raw = request.headers['x-reason'];
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Refuses a request whose parameters, query or reason hold a text the text rule refuses. */
export function registerTextChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems = [...normaliseStrings(request.params, 'params'), ...normaliseStrings(request.query, 'querystring')];
    const reason = decodedReason(request);
    if (reason !== null) {
      const problem = textProblem(reason);
      if (problem) problems.push({ path: 'header:X-Reason', message: problem, code: 'text' });
      else request.headers['x-reason'] = encodeURIComponent(normaliseText(reason));
    }
    if (problems.length > 0) throw new StyrkortError('validation', `Begäran har ${problems.length} fel; ingenting har ändrats`, problems);
  });
}
