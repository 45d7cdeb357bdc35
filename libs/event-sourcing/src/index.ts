export * from './command-batch';
export * from './command-handler';
export * from './decider';
export * from './event-envelope';
export * from './event-store.port';
export * from './upcasting';
export * from './in-memory/in-memory.event-store';
export * from './postgres/migrations';
export * from './postgres/postgres.event-store';
// The KurrentDB adapter is loaded by openEventStore only when selected: not re-exported here.
export type { EventStoreDbEventStore } from './eventstoredb/eventstoredb.event-store';
export * from './event-store.selection';
export * from './postgres/event-store.migrations';
export * from './postgres/connection-loss';
