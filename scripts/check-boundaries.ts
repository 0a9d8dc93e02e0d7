/**
 * The layer boundary check: dependency-cruiser with the rules in .dependency-cruiser.cjs over src/.
 *
 * dependency-cruiser 17 reads TypeScript through the `typescript` package's compiler API, which
 * TypeScript 7 (the native compiler this repository type-checks with) no longer ships. So each
 * source file is first stripped of its types with esbuild (already here for tsx) into a mirror of
 * src/ in a temporary folder, type-only imports kept as imports (a type from another layer is a
 * dependency on it too), and dependency-cruiser cruises the mirror as JavaScript. A mirrored file
 * is named after its source plus ".js" ("plan.ts.js"), so the imports' own specifiers
 * ("./plan.ts") resolve unchanged. Tests are left out: they may reach across layers to set a scene.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type IConfiguration } from 'dependency-cruiser';
import { transformSync } from 'esbuild';
import { keepTypeImports } from './keep-type-imports.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const sourceFile = /\.tsx?$/;
const testFile = /\.test\.tsx?$/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return sourceFile.test(name) && !testFile.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function mirror(into: string): number {
  const files = sourcesUnder(join(repo, 'src'));
  for (const file of files) {
    const source = keepTypeImports(readFileSync(file, 'utf8'));
    const { code } = transformSync(source, {
      loader: file.endsWith('.tsx') ? 'tsx' : 'ts',
      jsx: 'automatic',
      format: 'esm',
      target: 'es2022',
      // Keep every import as written, used or not: a dependency is a dependency.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    const target = join(into, `${relative(repo, file)}.js`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  return files.length;
}

async function main(): Promise<number> {
  const config = createRequire(import.meta.url)(join(repo, '.dependency-cruiser.cjs')) as IConfiguration;
  const work = mkdtempSync(join(tmpdir(), 'styrkort-boundaries-'));
  try {
    symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
    const count = mirror(work);
    const { tsConfig: _ts, tsPreCompilationDeps: _pre, ...options } = config.options ?? {};
    const cruiseOptions: ICruiseOptions = { ...options, baseDir: work, validate: true, ruleSet: { forbidden: config.forbidden ?? [] }, outputType: 'err' };
    const result = await cruise(['src'], cruiseOptions);
    const output = typeof result.output === 'string' ? result.output : JSON.stringify(result.output);
    // Name the sources, not their mirrors.
    process.stdout.write(output.replace(/(\.tsx?)\.js\b/g, '$1'));
    if (result.exitCode === 0) console.log(`Lagergränserna håller: ${count} källfiler i src/ kontrollerade.`);
    return result.exitCode;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
