export * from './infrastructure';
export * from './local-processes';
export * from './repo-root';
export * from './temporal-test-server';
export * from './test-database';
export * from './service-process';
export * from './eventually';
export * from './local-kafka.control';
export * from './kafka-groups';
export * from './platform-catalogue';

/** Loaded on demand: testcontainers is needed only where Docker exists. */
export async function startEventStoreDbContainer() {
  return (await import('./containers')).startEventStoreDbContainer();
}
export * from './browser';
export * from './actor-tokens';
export * from './fixed-test-keys';
export * from './decider-spec';
export * from './postgres-server-settings';
export * from './temporal-history-json';
export * from './openapi-answers';
