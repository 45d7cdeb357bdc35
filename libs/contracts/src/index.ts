export * from './contract';
export * from './public-message';
export * from './platform/platform-diagnostics.v1';
