export * from './command-handler';
export * from './decider';
export * from './event-envelope';
export * from './event-store.port';
export * from './upcasting';
export * from './in-memory/in-memory.event-store';
export * from './postgres/migrations';
export * from './postgres/postgres.event-store';
