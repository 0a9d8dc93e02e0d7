/**
 * Runs the `styrkort` command line as a user would. `cli` runs it in the test's own process through
 * the same entry point as bin/styrkort.js (src/cli/program.ts): same parsing, commands, output and
 * exit codes, without starting Node and compiling the sources again for every command (2–5 s each
 * on a busy machine, most of a command line test's time). `runCli` and `startServer` run the real
 * `styrkort` in a child process, for what only a process of its own shows: the bin script, the
 * exit status the shell sees, the server, one process's lock on a data directory.
 *
 * A data directory that does not exist yet starts as a copy of the run's empty migrated one
 * (tests/helpers/templates.ts), which is what the command would make of it, without running
 * initdb for every test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { runCommandLine } from '../../src/cli/program.ts';
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
  if (!dir || env.DATABASE_URL || existsSync(dir)) return;
  const templates = testTemplates();
  if (templates) copyTemplate(templates.empty, resolve(dir));
}

/**
 * Runs a command in this process with `env` over the process's environment and its output
 * captured: what it prints (console and stdout/stderr writes) and its exit code, as runCli gives
 * them. Stdin and stdout are not terminals, as for a child process with pipes. Commands run one at
 * a time (a test file's tests run in turn; each file has its worker).
 */
export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  seedDataDir(args, env);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const restore = [
    withEnv({ DATABASE_URL: '', STYRKORT_DATA: '', STYRKORT_DEMO_KOLADA: 'off', ...env }),
    replace(console, { log: printTo(stdout), info: printTo(stdout), error: printTo(stderr), warn: printTo(stderr) }),
    replace(process.stdout, { write: writeTo(stdout), isTTY: false }),
    replace(process.stderr, { write: writeTo(stderr) }),
    replace(process.stdin, { isTTY: false }),
  ];
  try {
    const status = await runCommandLine(args);
    return { status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

function printTo(sink: Buffer[]) {
  return (...values: unknown[]) => void sink.push(Buffer.from(`${format(...values)}\n`, 'utf8'));
}

function writeTo(sink: Buffer[]) {
  return (chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), done?: (error?: Error | null) => void): boolean => {
    sink.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    const callback = typeof encoding === 'function' ? encoding : done;
    if (callback) queueMicrotask(() => callback());
    return true;
  };
}

/** Sets these properties of an object; the returned function puts back what was there. */
function replace<T extends object>(target: T, values: Record<string, unknown>): () => void {
  const record = target as Record<string, unknown>;
  const before = Object.keys(values).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)] as const);
  for (const [key, value] of Object.entries(values)) Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: true });
  return () => {
    for (const [key, descriptor] of before) {
      if (descriptor) Object.defineProperty(target, key, descriptor);
      else delete record[key];
    }
  };
}

/** Sets environment variables (undefined: unset); the returned function puts back the environment as it was. */
export function withEnv(env: Record<string, string | undefined>): () => void {
  const before = Object.keys(env).map((key) => [key, process.env[key]] as const);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  for (const [key, value] of Object.entries(env)) set(key, value);
  return () => {
    for (const [key, value] of before) set(key, value);
  };
}

/**
 * Runs the real `styrkort` (bin/styrkort.js) in a child process and waits for it. The demo's Kolada
 * import (seconds on a loaded machine) is off unless a test turns it on with STYRKORT_DEMO_KOLADA,
 * here and in cli().
 */
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
