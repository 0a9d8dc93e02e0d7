/**
 * Vitest global setup, once per run: a real PostgreSQL server with a migrated template database,
 * and the directory where the first test that needs them builds the PGlite template databases
 * (tests/helpers/templates.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cheapPasswordHashesEnv } from '../../src/services/password-hash.ts';
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';
import { templatesEnv } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templatesDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templatesDir = mkdtempSync(join(tmpdir(), 'styrkort-test-templates-'));
  const given = process.env.STYRKORT_TEST_DATABASE_URL;
  const server = given ? null : await startPostgresServer();
  try {
    project.provide('postgresUrl', await prepareTemplate(given ?? server!.url));
  } catch (error) {
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
    throw error;
  }
  // Workers and the commands they start inherit the environment: tests/helpers/cli.ts reads it there.
  process.env[templatesEnv] = templatesDir;
  // New passwords (the demo's accounts, each login's decoy) are hashed at argon2's lowest cost (src/services/password-hash.ts).
  process.env[cheapPasswordHashesEnv] = '1';
  project.provide('templatesDir', templatesDir);
  return async () => {
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
  };
}
