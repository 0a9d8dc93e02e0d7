/**
 * A real PostgreSQL server for the data-layer tests (and the bench), started from the system's
 * binaries in a throwaway cluster (or STYRKORT_TEST_DATABASE_URL if given). Never a mock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/connection.ts';

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => Number(v) >= 15).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the postgres user when we are root (initdb refuses root). */
function runAsServerUser(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} misslyckades: ${result.stderr || result.stdout}`);
}

/**
 * Starts a throwaway PostgreSQL cluster on a free port; stop() removes it. Tests run it without
 * fsync (nothing survives the run anyway); `durable` keeps the defaults, for the bench's writes.
 */
export async function startPostgresServer(options: { durable?: boolean } = {}): Promise<{ url: string; stop: () => void }> {
  const bin = findBinDir();
  if (!bin) {
    throw new Error('PostgreSQL-serverns program saknas (/usr/lib/postgresql/NN/bin). Installera: apt-get install -y postgresql, eller ange STYRKORT_TEST_DATABASE_URL.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  runAsServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  runAsServerUser(join(bin, 'pg_ctl'), [
    '-D', dataDir, '-l', join(dir, 'server.log'), '-w',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    stop: () => {
      runAsServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a migrated template database that each test copies (CREATE DATABASE … TEMPLATE). */
export async function prepareTemplate(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query('drop database if exists styrkort_template');
  await admin.query('create database styrkort_template');
  await admin.end();
  const database = await openDatabase({ databaseUrl: `${serverUrl}/styrkort_template` });
  await database.close();
  return serverUrl;
}
