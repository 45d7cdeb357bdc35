import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { LONG, complaintsClient, daysAgo } from './complaints.e2e-support';
import { ObservabilityBackends, type ZipkinSpan } from './observability-backends';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 50;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 21 })];
const BASE_PORT = { kafka: 5300, embedded: 5400 } as const;
const SLOW = { attempts: 300, intervalMs: 500 };

describe.each(['kafka', 'embedded'] as const)(
  'observability on the %s transport: one complaint, one trace across HTTP, Temporal and messages; its metrics in the metrics store',
  (transport) => {
    const platform = new PlatformUnderTest(transport, BASE_PORT[transport], [
      'identity',
      'injections',
      'certification',
      'complaints',
      'complaints-worker',
    ]);
    const backends = new ObservabilityBackends(BASE_PORT[transport] + 90, BASE_PORT[transport] + 91);
    platform.beforeStart = async (p) => {
      const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
      execFileSync(
        process.execPath,
        [cli, 'load', '--size', String(SIZE), '--seed', '21', '--database', p.databaseUrl('identity')],
        { stdio: 'pipe' },
      );
      for (const [name, service] of p.processes) {
        // The worker bundles its workflows with the OpenTelemetry interceptors at start: on a shared
        // 2-core machine that has taken over the minute a process is otherwise given to be ready.
        const ready = service.ready.bind(service);
        service.ready = () => ready(1_200);
        Object.assign(service.env, {
          TRACING_ENABLED: 'true',
          TRACING_ENDPOINT: backends.spansEndpoint,
          OTEL_SERVICE_NAME: name,
        });
      }
      await backends.start(Object.fromEntries([...p.processes].map(([name, s]) => [name, s.port])));
    };
    const c = complaintsClient(platform);
    const person = people[0];
    const rightDay = daysAgo(19);
    // The test is the trace's client: its filing request carries a traceparent, so the trace id is known.
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');

    beforeAll(() => platform.start(), 600_000);
    afterAll(async () => {
      platform.kill();
      backends.stop();
    });

    it('a complaint filed, accepted and corrected is one trace: filing, workflow, activities, the correction on Kafka, injections and certification', async () => {
      await c.recordDose(person, daysAgo(20));
      await eventually(async () => {
        const res = await c.call('GET', 'certification', `/certificates/${person.personId}`, c.staff());
        if (!res.body.certificate) throw new Error('no certificate yet');
      }, LONG);

      const filing = await c.fileWrongDay(person, rightDay, 'LC-TD-01', {
        traceparent: `00-${traceId}-${clientSpanId}-01`,
      });
      await c.waitUntilQueued(filing.complaintId);
      // While it waits at the site, the SLA gauges count it open at its unit.
      await eventually(async () => {
        const open = await backends.query('sum(complaints_sla_open{service="complaints"})');
        if (!(open[0]?.value >= 1)) throw new Error('not counted open yet');
      }, SLOW);
      expect((await c.acceptRightDay(filing.complaintId, rightDay)).status).toBe(200);
      await c.waitUntilClosed(person, filing.complaintId);

      const spans = await eventually(async () => {
        const found = await backends.trace(traceId);
        const has = (service: string, name: RegExp) =>
          found.some((s) => s.localEndpoint.serviceName === service && name.test(s.name));
        const expected: [string, RegExp][] = [
          ['complaints', /^post \/complaints$/i],
          ['complaints', /StartWorkflow:complaintLifecycleWorkflow/i],
          ['complaints-worker', /RunWorkflow:complaintLifecycleWorkflow/i],
          ['complaints-worker', /RunActivity:requestCorrection/i],
          ['complaints-worker', /^publish injections\.corrections\.v1$/],
          ['injections', /^process injections\.corrections\.v1$/],
          ['injections', /^publish injections\.events\.v1$/],
          ['certification', /^process injections\.events\.v1$/],
        ];
        const missing = expected.filter(([service, name]) => !has(service, name));
        if (missing.length) throw new Error(`not in the trace yet: ${missing.map((m) => m.join(' ')).join('; ')}`);
        return found;
      }, SLOW);

      // Every span's parent is in the trace, but the root's, whose parent is the test's own client span.
      const ids = new Set(spans.map((s) => s.id));
      const orphans = spans.filter((s) => s.parentId && !ids.has(s.parentId) && s.parentId !== clientSpanId);
      expect(orphans.map((s) => `${s.localEndpoint.serviceName} ${s.name}`)).toEqual([]);
      expect(spans.filter((s) => s.parentId === clientSpanId).map((s) => s.name.toLowerCase())).toEqual([
        'post /complaints',
      ]);

      const byId = new Map(spans.map((s) => [s.id, s]));
      const parentOf = (s: ZipkinSpan) => byId.get(s.parentId ?? '');
      const one = (service: string, name: RegExp) =>
        spans.find((s) => s.localEndpoint.serviceName === service && name.test(s.name))!;
      // Across Kafka: each consumer span is the child of the producer span of the process that published.
      const correction = one('injections', /^process injections\.corrections\.v1$/);
      expect(correction.kind).toBe('CONSUMER');
      expect(parentOf(correction)).toMatchObject({
        kind: 'PRODUCER',
        localEndpoint: { serviceName: 'complaints-worker' },
      });
      const reissue = one('certification', /^process injections\.events\.v1$/);
      expect(parentOf(reissue)).toMatchObject({ kind: 'PRODUCER', localEndpoint: { serviceName: 'injections' } });
      // Across Temporal: the worker's workflow span descends from the complaints API's request.
      const ancestors = (s: ZipkinSpan): ZipkinSpan[] => {
        const p = parentOf(s);
        return p ? [p, ...ancestors(p)] : [];
      };
      const workflow = one('complaints-worker', /RunWorkflow:complaintLifecycleWorkflow/i);
      expect(ancestors(workflow).map((s) => s.localEndpoint.serviceName)).toContain('complaints');
      expect(ancestors(correction).map((s) => s.name)).toContain(workflow.name);
      // The span names say which route, never which person.
      const named = spans.map((s) => `${s.name} ${Object.values(s.tags ?? {}).join(' ')}`).join('\n');
      expect(named).not.toContain(person.idNumber);
      expect(named).not.toContain(person.personId);
    }, 900_000);

    it('the metrics store has scraped every process: HTTP latency, consumer lag, store readers, dead letters, workflows, readiness', async () => {
      const series = (promql: string) =>
        eventually(async () => {
          const found = await backends.query(promql);
          if (found.length === 0) throw new Error(`no series for ${promql} yet`);
          return found;
        }, SLOW);
      expect((await series('up{job="vax-platform"} == 1')).map((s) => s.metric.process).sort()).toEqual(
        [...platform.processes.keys()].sort(),
      );
      expect(await series('http_request_duration_seconds_count{service="complaints",route="/complaints"}')).not.toEqual(
        [],
      );
      const lag = await series(`messaging_consumer_lag{group="certification-e2e-${platform.runId}"}`);
      // Kafka: per topic and partition; the embedded bus: one log.
      expect(lag.map((s) => s.metric.topic)).toContain(transport === 'kafka' ? 'injections.events.v1' : 'all');
      expect(lag.every((s) => s.value >= 0)).toBe(true);
      expect((await series('eventstore_reader_lag_events{service="injections"}')).map((s) => s.metric.kind)).toContain(
        'publisher',
      );
      expect(await series('messaging_dead_letters{service="injections"}')).not.toEqual([]);
      expect(
        await series('temporal_workflows{workflow_type="complaintLifecycleWorkflow",status="Completed"} >= 1'),
      ).not.toEqual([]);
      const ready = await series('process_ready{service="injections",dependency="database"}');
      expect(ready[0].value).toBe(1);
    }, 600_000);
  },
);
