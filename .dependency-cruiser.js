// Architecture rules, checked by test/architecture.check-spec.ts (and `npm run depcruise`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders and domain types import no framework, transport, database or validation library.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: { path: 'node_modules/(@nestjs|@temporalio|kafkajs|class-validator|class-transformer|pg|pg-[a-z]+|express|nestjs-pino|pino|@kurrent|@eventstore)/' },
    },
    {
      name: 'domain-has-no-io',
      comment: 'Domain code gets time, ids and data with the command; no Node I/O modules.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|dgram|dns|tls|worker_threads)$' },
    },
    {
      name: 'no-reaching-into-another-service',
      comment: 'Services talk through contracts and messages, never through each other\'s code.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'libs-do-not-depend-on-services',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^services/' },
    },
    {
      name: 'workflows-are-deterministic',
      comment: 'Workflow code runs in Temporal\'s sandbox: only @temporalio/workflow, its own folder, and types.',
      severity: 'error',
      from: { path: '/workflows/', pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['/workflows/', 'node_modules/@temporalio/(workflow|common)/'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
