/**
 * Styrkort's layer boundaries (see README "Layout" and docs/decisions/0010): dependencies point
 * inwards to the domain, and the browser imports the domain's rules instead of restating them.
 * Run by `npm run check:boundaries` (part of `npm run check` and `npm test`).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: it imports only its own modules and npm packages that do no I/O (zod, decimal.js, sanitize-html; csv-parse, whose parsing of a text in memory is pure).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '(^|/)node_modules/(zod|decimal\\.js|sanitize-html|csv-parse)/'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      comment: 'src/domain does no I/O: no fs, net, child_process or other Node built-ins.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-stays-in-the-browser',
      comment: 'The web app talks to the server through the API: it never imports the database, the services, the HTTP layer or the CLI.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(db|services|http|cli)/' },
    },
    {
      name: 'db-below-services',
      comment: 'src/db is the only SQL and knows nothing of use cases or HTTP.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(services|http|cli|web)/' },
    },
    {
      name: 'documents-from-data',
      comment: 'Documents are built from a plan: they never read the database, call services or know HTTP.',
      severity: 'error',
      from: { path: '^src/documents/' },
      to: { path: '^src/(db|services|http|cli|web)/' },
    },
    {
      name: 'contract-is-shared',
      comment: 'src/contract is read by the server and the browser alike: schemas over the domain, nothing else of ours.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { path: '^src/(db|services|http|cli|web|documents)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one; split out what both need.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    preserveSymlinks: true,
    exclude: { path: ['^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
