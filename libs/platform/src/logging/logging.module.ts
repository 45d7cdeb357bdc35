import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import { maskIdentifiers, redactPersonalData } from './personal-data.redactor';
import { traceIdsOfActiveSpan } from '../tracing/trace-ids.log-mixin';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The correlation id a caller sent, if it is safe to echo; otherwise a fresh one. */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers[CORRELATION_HEADER];
  const id = typeof sent === 'string' && SAFE_CORRELATION_ID.test(sent) ? sent : randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** pino options shared by HTTP services and workers: JSON lines, service name, personal data removed. */
export function pinoOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    messageKey: 'msg',
    // The trace a line was logged in, so a log line leads to its trace and back.
    mixin: traceIdsOfActiveSpan,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: {
      level: (label) => ({ level: label }),
      // Trace ids are hex and may hold a run of digits that looks like an ID number: kept as they are.
      log: ({ traceId, spanId, ...object }) => ({
        ...(redactPersonalData(object) as Record<string, unknown>),
        ...(traceId === undefined ? {} : { traceId, spanId }),
      }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskIdentifiers(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
}

@Module({})
export class StructuredLoggingModule {
  static forService(service: string, level: string): DynamicModule {
    return {
      module: StructuredLoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...pinoOptions(service, level),
            genReqId: correlationIdFor,
            // Every line logged while serving a request carries its correlation id.
            customProps: (req) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
            // Query strings can carry personal data (?idNumber=...): log the path only.
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
              res: (res: { statusCode?: number; raw?: ServerResponse }) => ({
                statusCode: res.raw?.statusCode ?? res.statusCode,
              }),
            },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
