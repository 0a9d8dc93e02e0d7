/**
 * What the browser downloads: the web app's production build, the JavaScript a reader of the public
 * pages loads first (the entry chunk and what it imports statically) against what the editing
 * pages add on first use, raw and gzipped. Builds into a temporary folder; dist/web is untouched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'styrkort-web-bench-'));
try {
  const started = performance.now();
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--logLevel', 'error'], { cwd: repo, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const buildMs = performance.now() - started;

  const assets = join(out, 'assets');
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html names no script');
  const preloaded = [...html.matchAll(/href="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const size = (file: string) => {
    const bytes = readFileSync(join(assets, file));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const sum = (files: string[]) => files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const first = [entry, ...preloaded.filter((file) => file !== entry)];
  const later = readdirSync(assets).filter((file) => file.endsWith('.js') && !first.includes(file));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  const firstSize = sum(first);
  const laterSize = sum(later);
  console.log(`vite build (production): ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`first load (public pages): ${kb(firstSize.raw)} raw, ${kb(firstSize.gzip)} gzip in ${first.length} file(s)`);
  console.log(`on first use (editing pages, rich-text editor): ${kb(laterSize.raw)} raw, ${kb(laterSize.gzip)} gzip in ${later.length} file(s)`);
  for (const file of later.sort()) console.log(`  ${file.replace(/-[\w-]{8}\.js$/, '')}: ${kb(size(file).gzip)} gzip`);
  console.log(`share of all JavaScript loaded first: ${((firstSize.gzip / (firstSize.gzip + laterSize.gzip)) * 100).toFixed(0)} %`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
