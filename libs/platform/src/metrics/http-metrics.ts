import { trace } from '@opentelemetry/api';
import type { Request, RequestHandler, Response } from 'express';
import { Gauge, Histogram, Registry, collectDefaultMetrics, register } from 'prom-client';

/** Pool figures a gauge reads at each scrape (pg's Pool has these counters). */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * A process's metrics in Prometheus's format: the process itself (CPU, memory, event-loop lag, GC),
 * every HTTP answer's latency by route template and status, and its database pool's use. Route
 * templates (`/records/:personId`), never paths: a path carries a person's id, and every distinct
 * label value is a series kept for ever.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'method' | 'route' | 'status'>;

  constructor(private readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP answers by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Times every request from its arrival to its last byte. */
  httpMiddleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.latency.startTimer();
      const span = trace.getActiveSpan();
      res.once('finish', () => {
        const route = routeOf(req, res);
        end({ method: req.method, route, status: String(res.statusCode) });
        // The trace names the request as the metrics do: by its template, never by its path.
        span?.updateName(`${req.method} ${route}`).setAttribute('http.route', route);
      });
      next();
    };
  }

  /** Serves the metrics (mount at /metrics, before the routes). */
  endpoint(): RequestHandler {
    return (req, res, next) => {
      if (req.method !== 'GET') return next();
      void this.all()
        .metrics()
        .then((text) => res.type(this.registry.contentType).send(text), next);
    };
  }

  /** Every metric of the process, as /metrics serves them and OTLP pushes them. */
  all(): Registry {
    // With the default registry: services register their own gauges there (SLA, workflows, campaigns).
    const both = Registry.merge([this.registry, register]);
    both.setDefaultLabels({ service: this.service }); // a merged registry keeps none of its sources'
    return both;
  }

  watchPool(name: string, pool: PoolLike): void {
    const reading = (help: string, read: (p: PoolLike) => number) =>
      new Gauge({
        name: `db_pool_${help.split(':')[0]}`,
        help: help.split(':')[1].trim(),
        labelNames: ['pool'],
        registers: [this.registry],
        collect() {
          this.set({ pool: name }, read(pool));
        },
      });
    reading('connections: connections open', (p) => p.totalCount);
    reading('idle: connections open and idle', (p) => p.idleCount);
    reading('waiting: requests waiting for a connection', (p) => p.waitingCount);
  }
}

/** The route template Express matched (with its mount path), or one label for everything unmatched. */
function routeOf(req: Request, res: Response): string {
  const route = (req as Request & { route?: { path?: string } }).route?.path;
  if (typeof route === 'string') return `${req.baseUrl}${route}`;
  return res.statusCode === 404 ? 'unmatched' : 'middleware';
}
