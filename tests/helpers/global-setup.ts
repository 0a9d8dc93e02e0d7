/**
 * Vitest global setup, once per run: a directory in memory for the run's temporary files
 * (tests/helpers/memory-disk.ts), a real PostgreSQL server with a migrated template database, and
 * the directory where the first test that needs them builds the PGlite template databases
 * (tests/helpers/templates.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { cheapPasswordHashesEnv } from '../../src/services/password-hash.ts';
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';
import { useMemoryForTemporaryFiles } from './memory-disk.ts';
import { templatesEnv } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templatesDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // First: the directories below, the server's cluster and every worker's tmpdir() go there.
  const removeMemoryDir = useMemoryForTemporaryFiles();
  const templatesDir = mkdtempSync(join(tmpdir(), 'styrkort-test-templates-'));
  const given = process.env.STYRKORT_TEST_DATABASE_URL;
  let server: Awaited<ReturnType<typeof startPostgresServer>> | null = null;
  try {
    server = given ? null : await startPostgresServer();
    project.provide('postgresUrl', await prepareTemplate(given ?? server!.url));
  } catch (error) {
    server?.stop();
    rmSync(templatesDir, { recursive: true, force: true });
    removeMemoryDir?.();
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
    removeMemoryDir?.();
  };
}
