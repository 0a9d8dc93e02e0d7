/**
 * Vitest global setup, once per run: a scratch directory in memory for the run's temporary files,
 * a real PostgreSQL server with a migrated template database, and the directory where the first
 * test that needs them builds the PGlite template databases (tests/helpers/templates.ts).
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
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

const tmpfsMagic = 0x01021994;
const memoryDir = '/dev/shm';

/**
 * The run's temporary files (data directories, the PostgreSQL cluster, templates) go to a directory
 * in memory when the machine has one with room, unless TMPDIR names a place. Copying the 41 MB
 * empty template took 0.5 CPU-s on this VM's ext4 and 0.05 on tmpfs; over a whole run the machine's
 * busy CPU fell by about a twentieth. The tests exercise the same code; only the disk under it differs.
 */
function useMemoryForTemporaryFiles(): (() => void) | null {
  if (process.env.TMPDIR) return null;
  const disk = existsSync(memoryDir) ? statfsSync(memoryDir) : null;
  if (!disk || disk.type !== tmpfsMagic || disk.bavail * disk.bsize < 2 * 1024 ** 3) return null;
  const dir = mkdtempSync(join(memoryDir, 'styrkort-test-'));
  chmodSync(dir, 0o755); // the PostgreSQL server runs as its own user and keeps its cluster under it
  process.env.TMPDIR = dir;
  return () => {
    delete process.env.TMPDIR;
    rmSync(dir, { recursive: true, force: true });
  };
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
