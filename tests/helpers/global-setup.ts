/**
 * Vitest global setup, once per run: a real PostgreSQL server with a migrated template database,
 * and the directory of the PGlite template databases (tests/helpers/templates.ts). A run of every
 * test file starts building them at once, beside the server's start and the workers' module
 * loading; a run of chosen files leaves them to the first test that needs them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cheapPasswordHashesEnv } from '../../src/services/password-hash.ts';
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';
import { startBuildingTemplates, templatesEnv } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templatesDir: string;
  }
}

/** `vitest run` with options only: every test file runs, and most of them need the templates. */
function runsEveryFile(argv = process.argv): boolean {
  const at = argv.indexOf('run');
  return at >= 0 && argv.slice(at + 1).every((arg) => arg.startsWith('-'));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templatesDir = mkdtempSync(join(tmpdir(), 'styrkort-test-templates-'));
  // Workers and the commands they start inherit the environment: tests/helpers/cli.ts reads it there.
  process.env[templatesEnv] = templatesDir;
  // New passwords (the demo's accounts, each login's decoy) are hashed at argon2's lowest cost (src/services/password-hash.ts).
  process.env[cheapPasswordHashesEnv] = '1';
  const stopBuilding = runsEveryFile() ? startBuildingTemplates(templatesDir) : () => undefined;
  const given = process.env.STYRKORT_TEST_DATABASE_URL;
  const server = given ? null : await startPostgresServer();
  try {
    project.provide('postgresUrl', await prepareTemplate(given ?? server!.url));
  } catch (error) {
    stopBuilding();
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('templatesDir', templatesDir);
  return async () => {
    stopBuilding();
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
  };
}
