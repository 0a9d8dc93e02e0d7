/** Builds the web app (src/web) into dist/web; the Styrkort server serves it (src/http/web-app.ts). */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('./dist/web');

/** Writes a .gz beside every text file of the build; the server sends it to browsers that take gzip. */
function precompress(): Plugin {
  let target = outDir; // `vite build --outDir` may change it
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return {
    name: 'styrkort-precompress',
    apply: 'build',
    configResolved(config) {
      target = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(target).filter((name) => /\.(html|js|css|svg|json)$/.test(name))) {
        const content = readFileSync(file);
        if (content.length > 1024) writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here('./src/web'),
  publicDir: here('./src/web/public'),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The whole app is one chunk of ~110 kB gzipped; splitting per page is not worth it yet.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite` for development: the API comes from a running `npm start`.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
