import type { INestApplication } from '@nestjs/common';
import type { Pool } from 'pg';
import { DEPENDENCY_PROBES, type NamedProbes } from '../health/health.controller';
import { LifecycleState } from '../health/lifecycle.state';
import type { ConsumerSettings } from '../bootstrap/consumer-transport';
import { PG_POOL } from '../database/database.module';
import { watchConsumer } from './consumer-lag.metrics';
import type { ProcessMetrics } from './http-metrics';
import { watchReadiness } from './readiness.metrics';
import { watchStoreReaders } from './store-readers.metrics';

/**
 * What every process reports beyond HTTP (ADR 15): readiness per dependency, its pool, how far its
 * store's readers are behind and, when it consumes messages, its lag and dead letters.
 */
export function watchPlatformMetrics(
  metrics: ProcessMetrics,
  app: INestApplication,
  group: string,
  settings: ConsumerSettings & { consumesMessages: boolean },
): void {
  watchReadiness(metrics.registry, optional<NamedProbes>(app, DEPENDENCY_PROBES) ?? {}, app.get(LifecycleState));
  const pool = optional<Pool>(app, PG_POOL);
  if (pool) {
    metrics.watchPool('service', pool);
    watchStoreReaders(metrics.registry, pool);
  }
  if (settings.consumesMessages) watchConsumer(metrics.registry, group, settings);
}

/** A provider the process may not have (a service without a database has no pool). */
function optional<T>(app: INestApplication, token: symbol): T | undefined {
  try {
    return app.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}
