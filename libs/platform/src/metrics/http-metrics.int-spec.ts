import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Gauge } from 'prom-client';
import { ProcessMetrics } from './http-metrics';

// The metrics a process serves, through a real HTTP server: latency by route template (never by the
// path, which carries a person's id) and status, the pool's use, the process's own figures.

describe("a process's metrics", () => {
  let server: Server;
  let base: string;
  const pool = { totalCount: 4, idleCount: 3, waitingCount: 1 };

  beforeAll(async () => {
    const metrics = new ProcessMetrics('injections');
    metrics.watchPool('service', pool);
    const app = express();
    app.use(metrics.httpMiddleware());
    app.use('/metrics', metrics.endpoint());
    app.get('/records/:personId', (_req, res) => void res.json({ ok: true }));
    app.post('/records/:personId/doses', (_req, res) => void res.status(422).json({}));
    await new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', () => resolve())));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('counts answers by route template and status, and keeps person ids out of the labels', async () => {
    await fetch(`${base}/records/P000000001`);
    await fetch(`${base}/records/P000000002`);
    await fetch(`${base}/records/P000000003/doses`, { method: 'POST' });
    await fetch(`${base}/no/such/route`);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      'http_request_duration_seconds_count{service="injections",method="GET",route="/records/:personId",status="200"} 2',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{service="injections",method="POST",route="/records/:personId/doses",status="422"} 1',
    );
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toMatch(/P00000000\d/);
  });

  it("reports the pool's connections and waiting requests at each scrape, and the process's own figures", async () => {
    pool.waitingCount = 7;
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('db_pool_waiting{pool="service",service="injections"} 7');
    expect(text).toContain('db_pool_connections{pool="service",service="injections"} 4');
    expect(text).toMatch(/nodejs_eventloop_lag_seconds\{service="injections"\}/);
  });

  it("serves a service's own gauges from the default registry, with the service's label", async () => {
    new Gauge({ name: 'complaints_sla_open', help: 'test', labelNames: ['unit'] }).set({ unit: 'site:LC-TD-01' }, 3);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('complaints_sla_open{unit="site:LC-TD-01",service="injections"} 3');
  });
});
