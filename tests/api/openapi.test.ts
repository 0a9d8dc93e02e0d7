/**
 * The API describes itself: /api/openapi.json is an OpenAPI 3.1 document in which every operation
 * has a summary and a tag, every successful response has a schema, every path parameter is declared
 * and every reference resolves, and /api/docs shows it as a browsable page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness.ts';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  summary?: string;
  tags?: string[];
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses?: Record<string, unknown>;
}

interface Document {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
  components?: Record<string, Record<string, unknown>>;
}

describe('the OpenAPI document', () => {
  let api: Api;
  let document: Document;
  let operations: Array<{ name: string; path: string; operation: Operation }>;

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    const response = await api.anonymous.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    document = response.json();
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      methods.flatMap((method) => (item[method] ? [{ name: `${method.toUpperCase()} ${path}`, path, operation: item[method]! }] : [])),
    );
  });
  afterAll(() => api.close());

  it('is OpenAPI 3.1 with info and paths', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: 'Styrkort API', version: expect.any(String) });
    expect(document.info.description).toContain('If-Match');
    expect(Object.keys(document.paths).length).toBeGreaterThan(20);
    for (const path of Object.keys(document.paths)) expect(path).toMatch(/^\/api\//);
    const fields = new Set(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs']);
    expect(Object.keys(document).filter((field) => !fields.has(field) && !field.startsWith('x-'))).toEqual([]);
  });

  it('gives every operation a summary and at least one tag', () => {
    const lacking = operations.filter(({ operation }) => !operation.summary?.trim() || !operation.tags?.length).map(({ name }) => name);
    expect(lacking).toEqual([]);
  });

  it('gives every operation responses, and distinct operation ids where there are any', () => {
    expect(operations.filter(({ operation }) => !operation.responses || Object.keys(operation.responses).length === 0).map(({ name }) => name)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter as required, and no path parameter that is not in the path', () => {
    const wrong = operations.flatMap(({ name, path, operation }) => {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      const problems: string[] = [];
      if (JSON.stringify(declared.map((parameter) => parameter.name).sort()) !== JSON.stringify(inPath)) problems.push(`${name}: parametrar ${declared.map((p) => p.name).join(', ')}`);
      for (const parameter of declared) if (parameter.required !== true) problems.push(`${name}: ${parameter.name} är inte obligatorisk`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('has no reference that points nowhere', () => {
    const text = JSON.stringify(document);
    const references = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    const unresolved = references.filter((reference) => {
      if (!reference.startsWith('#/')) return true;
      let node: unknown = document;
      for (const segment of reference.slice(2).split('/')) {
        node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      return node === undefined;
    });
    expect(unresolved).toEqual([]);
  });

  // Every response has a contract (src/contract): no operation answers with a body the document leaves undescribed.
  it('describes the body of every successful response with a schema, and the follow-up ones in full', () => {
    const undescribed = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([code]) => /^2\d\d$/.test(code) && code !== '204')
        .flatMap(([code, response]) => {
          const content = (response as { content?: Record<string, { schema?: Record<string, unknown> }> }).content ?? {};
          const schemas = Object.values(content).map((media) => media.schema ?? {});
          return schemas.length > 0 && schemas.every((schema) => Object.keys(schema).length > 0) ? [] : [`${name} ${code}`];
        }),
    );
    expect(undescribed).toEqual([]);
    const scorecard = JSON.stringify(document.paths['/api/plans/{plan}/scorecard']?.get?.responses?.['200']);
    for (const field of ['indicators', 'goals', 'explanation', 'targetKind']) expect(scorecard).toContain(`"${field}"`);
  });

  it('describes the session cookie as the security scheme', () => {
    expect(document.components?.securitySchemes).toMatchObject({ session: { type: 'apiKey', in: 'cookie', name: 'styrkort_session' } });
  });

  it('serves the browsable docs as HTML', async () => {
    const response = await api.anonymous.get('/api/docs');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
    expect(response.body).toContain('swagger-ui');
  });
});
