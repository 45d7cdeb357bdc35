// Test tiers by file name (see docs/testing.md):
//   *.spec.ts        unit: pure, no I/O
//   *.check-spec.ts  static checks of the code base: types, lint, dependency rules
//   *.int-spec.ts    integration: real PostgreSQL / Kafka / Temporal
//   *.e2e-spec.ts    end to end: services as processes, black-box over HTTP
//   *.fuzz-spec.ts   API fuzzing (schemathesis) of the running services from their OpenAPI
//   *.soak-spec.ts   the fault soak's short profile: the platform at two replicas under faults
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' }, sourceMaps: 'inline', swcrc: false }];
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@vax/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@vax/testing$': '<rootDir>/libs/testing/src/index.ts',
    '^@vax/event-sourcing$': '<rootDir>/libs/event-sourcing/src/index.ts',
    '^@vax/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@vax/contracts/(.+)$': '<rootDir>/libs/contracts/src/$1',
    '^@vax/messaging$': '<rootDir>/libs/messaging/src/index.ts',
    '^@vax/temporal-worker$': '<rootDir>/libs/temporal-worker/src/index.ts',
  },
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/test', '<rootDir>/deploy'],
};
const withInfrastructure = {
  globalSetup: '<rootDir>/test/infrastructure.global-setup.ts',
  globalTeardown: '<rootDir>/test/infrastructure.global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // A fresh worker process for each test file: a Temporal client's retry timer that outlives its
  // closed channel ("Channel has been shut down") then dies with its file instead of failing the next.
  workerIdleMemoryLimit: '1MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['\\.(int|e2e|check)-spec\\.ts$'] },
    { ...common, displayName: 'checks', testMatch: ['**/*.check-spec.ts'] },
    { ...common, ...withInfrastructure, displayName: 'integration', testMatch: ['**/*.int-spec.ts'] },
    { ...common, ...withInfrastructure, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
    { ...common, ...withInfrastructure, displayName: 'fuzz', testMatch: ['**/*.fuzz-spec.ts'] },
    { ...common, ...withInfrastructure, displayName: 'soak', testMatch: ['**/*.soak-spec.ts'] },
  ],
};
