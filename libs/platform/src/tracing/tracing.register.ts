/**
 * The tracing preload: `node --require dist/libs/platform/src/tracing/tracing.register.js <entry>`.
 * It must run before Nest, express, http and pg are first required, or their instrumentation would
 * patch nothing: hence a preload, not a Nest module. With TRACING_ENABLED=false (the default) it
 * loads no SDK at all, so an untraced process pays for nothing.
 */
import { TracingSettingError, type TracingSettings, tracingSettingsFrom } from './tracing.settings';

let settings: TracingSettings | undefined;
try {
  settings = tracingSettingsFrom(process.env, process.argv[1]);
} catch (error) {
  if (!(error instanceof TracingSettingError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78); // EX_CONFIG, as for every other bad setting
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on
if (settings?.enabled) (require('./tracing.sdk') as typeof import('./tracing.sdk')).startTracing(settings);
