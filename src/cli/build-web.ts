/**
 * Builds the web app into dist/web when it is missing or older than what it is built from, so
 * `npm ci && npm start` works on a fresh clone. The build runs Vite in a child process into a
 * temporary folder that then replaces dist/web, so servers starting side by side (tests) never
 * serve a half-written app.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const webOutDir = join(repo, 'dist', 'web');

/** What the bundle is built from: the app, the domain and document code it imports, the config and the locked dependencies. */
const sources = ['src/web', 'src/domain', 'src/documents', 'src/contract', 'vite.config.ts', 'package-lock.json'].map((path) => join(repo, path));

async function newestSourceTime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestSourceTime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Whether dist/web holds a build at least as new as every source. */
export async function isWebAppFresh(outDir = webOutDir): Promise<boolean> {
  const built = await stat(join(outDir, 'index.html')).catch(() => null);
  if (!built) return false;
  const newest = Math.max(...(await Promise.all(sources.map(newestSourceTime))));
  return built.mtimeMs >= newest;
}

function runVite(outDir: string): Promise<void> {
  const vite = join(fileURLToPath(new URL('.', import.meta.resolve('vite/package.json'))), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Always the production build: a build started from the tests (NODE_ENV=test) would otherwise bundle React's development code.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build avslutades med ${code}:\n${output.trim()}`))));
  });
}

const lockPath = join(repo, 'dist', '.web-build.lock');

/** Holds the build lock while `work` runs; a lock older than two minutes is a crashed build's and is taken over. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(join(repo, 'dist'), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await stat(lockPath).catch(() => null);
      if (held && Date.now() - held.mtimeMs > 120_000) await rm(lockPath, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/**
 * Builds dist/web unless it is fresh. Returns what happened; a failed build is reported and the
 * server goes on with what it has (the API works; the app shows how to build it).
 */
export async function ensureWebApp(log: (message: string) => void = console.log): Promise<'fresh' | 'built' | 'failed' | 'no-sources'> {
  if (!existsSync(join(repo, 'src', 'web', 'index.html'))) return 'no-sources'; // an installation without the app's sources
  if (await isWebAppFresh()) return 'fresh';
  // Servers starting side by side (tests) build once: the others wait, then find it fresh.
  return withBuildLock(async () => (await isWebAppFresh() ? 'fresh' : build(log)));
}

async function build(log: (message: string) => void): Promise<'built' | 'failed'> {
  const started = performance.now();
  log('Bygger webbappen (dist/web) …');
  const temporary = join(repo, 'dist', `.web-${process.pid}-${Date.now()}`);
  try {
    await runVite(temporary);
    const old = `${temporary}-old`;
    await rename(webOutDir, old).catch(() => undefined); // nothing there yet, or another server took it away
    try {
      await rename(temporary, webOutDir);
    } catch {
      // Another server put a build in place between the two renames: theirs serves as well as ours.
    }
    await Promise.all([rm(old, { recursive: true, force: true }), rm(temporary, { recursive: true, force: true })]);
    log(`Webbappen byggd på ${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} s`);
    return 'built';
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    console.error(`Webbappen kunde inte byggas; API:t fungerar ändå. ${error instanceof Error ? error.message : String(error)}`);
    return 'failed';
  }
}
