// Kept out of @vax/platform: importing it loads Temporal's native worker, which only worker services need.
export * from './hosted-temporal.worker';
export * from './temporal-log.bridge';
