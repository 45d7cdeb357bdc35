// Architecture rules, checked by test/architecture.check-spec.ts (and `npm run depcruise`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders and domain types import no framework, transport, database or validation library.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: {
        path: 'node_modules/(@nestjs|@temporalio|kafkajs|class-validator|class-transformer|pg|pg-[a-z]+|express|nestjs-pino|pino|@kurrent|@eventstore)/',
      },
    },
    {
      name: 'domain-has-no-io',
      comment: 'Domain code gets time, ids and data with the command; no Node I/O modules.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|dgram|dns|tls|worker_threads)$' },
    },
    {
      name: 'application-has-no-infrastructure',
      comment:
        'Use cases depend on ports (application/ports/); the database, broker and Temporal clients live in adapters/ (README: Service layout).',
      severity: 'error',
      from: { path: '^services/[^/]+/src/application/' },
      to: { path: 'node_modules/(pg|pg-[a-z]+|kafkajs|@temporalio/[a-z-]+)/' },
    },
    {
      name: 'application-does-not-import-adapters',
      comment:
        'Adapters implement the ports and the module binds them; a use case never names an adapter. Its tests may wire one.',
      severity: 'error',
      from: {
        path: '^services/[^/]+/src/application/',
        pathNot: '\\.(spec|int-spec|spec-fixtures|int-spec-fixtures)\\.ts$',
      },
      to: { path: '^services/[^/]+/src/adapters/' },
    },
    {
      name: 'domain-imports-only-domain',
      comment:
        "Domain code is pure: nothing from the service's application, adapters, workflows or process wiring (its specs may read the shipped reference data).",
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/', pathNot: '\\.(spec|spec-fixtures)\\.ts$' },
      to: { path: '^services/[^/]+/src/', pathNot: '^services/[^/]+/src/domain/' },
    },
    {
      name: 'no-reaching-into-another-service',
      comment: "Services talk through contracts and messages, never through each other's code.",
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
      comment: "Workflow code runs in Temporal's sandbox: only @temporalio/workflow, its own folder, and types.",
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
