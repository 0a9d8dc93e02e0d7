/**
 * Vitest global setup, once per run: a real PostgreSQL server with a migrated template database,
 * and the PGlite template databases (tests/helpers/templates.ts), built side by side.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';
import { templatesEnv } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templatesDir: string;
  }
}

function buildTemplatesInChild(dir: string): Promise<void> {
  const script = fileURLToPath(new URL('./build-templates.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`testmallarna kunde inte byggas (${code}):\n${output}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templatesDir = mkdtempSync(join(tmpdir(), 'styrkort-test-templates-'));
  const templates = buildTemplatesInChild(templatesDir);
  templates.catch(() => undefined); // awaited below, after the server has started
  const given = process.env.STYRKORT_TEST_DATABASE_URL;
  const server = given ? null : await startPostgresServer();
  try {
    project.provide('postgresUrl', await prepareTemplate(given ?? server!.url));
    await templates;
  } catch (error) {
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
    throw error;
  }
  // Workers and the commands they start inherit the environment: tests/helpers/cli.ts reads it there.
  process.env[templatesEnv] = templatesDir;
  project.provide('templatesDir', templatesDir);
  return async () => {
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
  };
}
