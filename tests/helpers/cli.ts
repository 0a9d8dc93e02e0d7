/**
 * Runs the real `styrkort` command in a child process, as a user would. A data directory that
 * does not exist yet starts as a copy of the run's empty migrated one (tests/helpers/templates.ts),
 * which is what the command would make of it, without running initdb for every test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyTemplate, testTemplates } from './templates.ts';

export const binPath = fileURLToPath(new URL('../../bin/styrkort.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Seeds the data directory the command will use (--data, else STYRKORT_DATA) when it is new. */
function seedDataDir(args: string[], env: Record<string, string | undefined>): void {
  const at = args.indexOf('--data');
  const dir = at >= 0 ? args[at + 1] : env.STYRKORT_DATA;
  const templates = testTemplates();
  if (!dir || !templates || env.DATABASE_URL || existsSync(dir)) return;
  copyTemplate(templates.empty, resolve(dir));
}

/** The demo's Kolada import (seconds on a loaded machine) is off unless a test turns it on with STYRKORT_DEMO_KOLADA. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  seedDataDir(args, env);
  const result = spawnSync(process.execPath, [binPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', STYRKORT_DATA: '', STYRKORT_DEMO_KOLADA: 'off', ...env },
    timeout: 300_000, // a hang guard, sized for a busy machine
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `styrkort serve` and resolves once it listens; stop() sends SIGTERM and waits. */
export async function startServer(args: string[], env: Record<string, string | undefined> = {}) {
  seedDataDir(args, env);
  const child = spawn(process.execPath, [binPath, 'serve', ...args], {
    env: { ...process.env, DATABASE_URL: '', STYRKORT_DATA: '', LOG_LEVEL: 'warn', STYRKORT_DEMO_KOLADA: 'off', ...env },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`servern startade inte: ${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Styrkort körs på')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`servern avslutades (${code}): ${output}`)));
  });
  return {
    output: () => output,
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
