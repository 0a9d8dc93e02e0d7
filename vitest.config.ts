import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Guards against a hung test, not a measure of speed (that is `npm run bench`): sized so that
    // real work (a command line run, a server start, a browser) finishes on a busy 2-core machine.
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // expect.poll waits for what a page or server does after an action (1 s by default, which a
    // board move missed while the bench ran beside the suite); it answers as soon as it holds.
    expect: { poll: { timeout: 30_000 } },
    maxWorkers: 2,
    // Test files share their worker's loaded modules instead of loading zod, Fastify, drizzle and
    // PGlite again for each file (a third of the CPU of the unit tests); no test changes module
    // state it does not put back, and each closes the databases and servers it starts.
    isolate: false,
  },
});
