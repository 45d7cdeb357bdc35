import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '../config/config.loader';
import type { HttpServiceConfig } from '../config/service-config';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { bodyParserErrors, jsonBodyParser, requireJsonBodies } from '../http/request-body.middleware';
import { strictValidationPipe } from '../http/validation.pipe';
import { exitGracefullyOnSignals, exitOnConfigError } from './process-lifecycle';

export interface HttpServiceDefinition<C extends HttpServiceConfig> {
  /** Service name: log field, Kafka client id and consumer group, OpenAPI title. */
  service: string;
  description: string;
  configClass: new () => C;
  rootModule: (config: C) => DynamicModule;
  /** Consume Kafka with @EventPattern handlers in this consumer group. */
  consumesKafka?: boolean;
}

/** Starts one HTTP service the way every service starts: config, logs, hardening, docs, shutdown. */
export async function bootstrapHttpService<
  C extends HttpServiceConfig & { KAFKA_BROKERS?: string[]; KAFKA_CONSUMER_GROUP?: string },
>(definition: HttpServiceDefinition<C>): Promise<INestApplication> {
  const config = exitOnConfigError(() => loadConfig(definition.service, definition.configClass));
  const app = await NestFactory.create(definition.rootModule(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(
    requireJsonBodies(),
    jsonBodyParser(config.HTTP_BODY_LIMIT_BYTES),
    bodyParserErrors(config.HTTP_BODY_LIMIT_BYTES),
  );
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  exitGracefullyOnSignals(app, config.SHUTDOWN_TIMEOUT_MS, app.get(Logger));
  mountOpenApi(app, definition.service, definition.description);

  if (definition.consumesKafka && config.KAFKA_BROKERS) {
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.KAFKA,
      options: {
        postfixId: '',
        client: { clientId: definition.service, brokers: config.KAFKA_BROKERS },
        consumer: { groupId: config.KAFKA_CONSUMER_GROUP ?? definition.service, allowAutoTopicCreation: false },
        subscribe: { fromBeginning: false },
        run: { autoCommit: true },
      },
    });
    await app.startAllMicroservices();
  }
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`${definition.service} listening on ${config.HOST}:${config.PORT}`);
  return app;
}

export function mountOpenApi(app: INestApplication, service: string, description: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(service).setDescription(description).setVersion('1').build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
