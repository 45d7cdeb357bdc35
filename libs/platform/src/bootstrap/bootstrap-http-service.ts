import 'reflect-metadata';
import type { DynamicModule, INestApplication, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RethrowRpcExceptionsFilter } from '@vax/messaging';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type ApiAuthentication, withSharedAnswers } from '../http/openapi.problems';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '../config/config.loader';
import type { HttpServiceConfig } from '../config/service-config';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { type StreamedBodyRoute, requestHardening } from '../http/request-body.middleware';
import { ProcessMetrics } from '../metrics/http-metrics';
import { exportMetricsOverOtlp } from '../metrics/otlp-metrics.export';
import { watchConsumerWaits } from '../metrics/consumer-waits.metrics';
import { watchPlatformMetrics } from '../metrics/platform-metrics.wiring';
import { LifecycleState } from '../health/lifecycle.state';
import { requestDeadline } from '../http/request-deadline';
import { strictValidationPipe } from '../http/validation.pipe';
import { type ConsumerSettings, consumerTransport } from './consumer-transport';
import { runInWorkers } from './http-workers';
import { exitGracefullyOnSignals, exitOnConfigError } from './process-lifecycle';

export interface HttpServiceDefinition<C extends HttpServiceConfig> {
  /** Service name: log field, Kafka client id and consumer group, OpenAPI title. */
  service: string;
  description: string;
  configClass: new () => C;
  rootModule: (config: C) => DynamicModule;
  /** Runs the service's @EventPattern handlers on its transport (Kafka or the embedded log). */
  consumesMessages?: boolean;
  /** Routes that stream their own body (uploads): no JSON parsing, their own types and limit. */
  streamedBodies?: readonly StreamedBodyRoute[];
  /** How its callers authenticate, as its OpenAPI document says: services' actor tokens by default. */
  authentication?: ApiAuthentication;
}

/** An upload of hundreds of MB over a district's link outlasts Node's default of 5 minutes per request. */
const STREAMED_REQUEST_TIMEOUT_MS = 60 * 60_000;

/** Starts one HTTP service the way every service starts: config, logs, hardening, docs, shutdown. */
export async function bootstrapHttpService<C extends HttpServiceConfig & ConsumerSettings>(
  definition: HttpServiceDefinition<C>,
): Promise<INestApplication | undefined> {
  const config = exitOnConfigError(() => loadConfig(definition.service, definition.configClass));
  let app: INestApplication | undefined;
  await runInWorkers(config.HTTP_WORKERS, async () => (app = await startHttpService(definition, config)));
  return app;
}

async function startHttpService<C extends HttpServiceConfig & ConsumerSettings>(
  definition: HttpServiceDefinition<C>,
  config: C,
): Promise<INestApplication> {
  const app = await NestFactory.create(definition.rootModule(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // First, so every answer is timed, refusals by the hardening below included; scraped at /metrics.
  const metrics = new ProcessMetrics(definition.service);
  app.use(metrics.httpMiddleware());
  app.use('/metrics', metrics.endpoint());
  const otlp = config.METRICS_OTLP_ENDPOINT
    ? exportMetricsOverOtlp(() => metrics.all(), definition.service, {
        endpoint: config.METRICS_OTLP_ENDPOINT,
        intervalMs: config.METRICS_OTLP_INTERVAL_MS,
        protocol: config.METRICS_OTLP_PROTOCOL,
      })
    : undefined;
  app.use(...requestHardening(config.HTTP_BODY_LIMIT_BYTES, definition.streamedBodies));
  const streamedPaths = (definition.streamedBodies ?? []).map((r) => r.path);
  app.use(requestDeadline(config.REQUEST_DEADLINE_MS, streamedPaths));
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // The last metrics go out before the process ends (the provider's shutdown exports once more).
  exitGracefullyOnSignals(app, config.SHUTDOWN_TIMEOUT_MS, app.get(Logger), () => otlp?.shutdown());
  mountOpenApi(app, definition.service, definition.description, definition.authentication);

  // Modules first (migrations, pools), then consumers: a message must never meet a missing table.
  await app.init();
  watchPlatformMetrics(metrics, app, config.KAFKA_CONSUMER_GROUP ?? definition.service, {
    ...config,
    consumesMessages: definition.consumesMessages === true,
  });
  if (definition.consumesMessages) {
    // Deferred: Nest wraps the handlers when a microservice is connected, so a filter added after
    // that is ignored (with a warning) and a broken message reached the retry loop as Nest's generic
    // `{ status: 'error' }`: retried as if passing, dead-lettered without its reason.
    const transport = consumerTransport(definition.service, config);
    watchConsumerWaits(metrics.registry, app.get(LifecycleState), transport);
    const consumer = app.connectMicroservice(
      { strategy: transport },
      { inheritAppConfig: false, deferInitialization: true },
    );
    consumer.useGlobalFilters(new RethrowRpcExceptionsFilter());
    markHooksAlreadyRun(consumer);
    await app.startAllMicroservices();
  }
  if (definition.streamedBodies?.length) app.getHttpServer().requestTimeout = STREAMED_REQUEST_TIMEOUT_MS;
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`${definition.service} listening on ${config.HOST}:${config.PORT}`);
  return app;
}

/**
 * A deferred microservice runs the container's init and bootstrap hooks when it starts, unless told
 * they ran: app.init() ran them already, and twice would start projections and publishers twice.
 * The setter is on Nest's NestMicroservice class, not on its interface.
 */
function markHooksAlreadyRun(consumer: INestMicroservice): void {
  const concrete = consumer as INestMicroservice & { setIsInitHookCalled?: (called: boolean) => void };
  if (typeof concrete.setIsInitHookCalled !== 'function')
    throw new Error('this @nestjs/microservices has no setIsInitHookCalled: revisit the deferred consumer start');
  concrete.setIsInitHookCalled(true);
}

export function mountOpenApi(
  app: INestApplication,
  service: string,
  description: string,
  authentication: ApiAuthentication = 'actor-token',
): void {
  const document = withSharedAnswers(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle(service).setDescription(description).setVersion('1').build(),
    ),
    authentication,
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
