export * from './contract';
export * from './public-message';
export * from './common.v1';
export * from './platform/platform-diagnostics.v1';
export * from './identity/identity-events.v1';
export * from './injections/injections-events.v1';
export * from './complaints/complaints-events.v1';
export * from './certification/certification-events.v1';
