import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallerActor } from '@vax/platform';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { LONG, complaintsClient, daysAgo } from './complaints.e2e-support';
import { ObservabilityBackends } from './observability-backends';
import { portalBrowser, testTrace, traceWith } from './observability.e2e-support';
import { PlatformUnderTest } from './platform-processes';

const SIZE = 50;
const people = [...syntheticPopulation(loadPopulationReference(), { size: SIZE, seed: 21 })];
const BASE_PORT = { kafka: 5300, embedded: 5400 } as const;
const SLOW = { attempts: 300, intervalMs: 500 };

describe.each(['kafka', 'embedded'] as const)(
  'observability on the %s transport: one trace per complaint, dose and campaign chunk across HTTP, Temporal and messages; the metrics in the metrics store',
  (transport) => {
    const platform = new PlatformUnderTest(transport, BASE_PORT[transport], [
      'portal',
      'identity',
      'injections',
      'certification',
      'complaints',
      'complaints-worker',
      'campaign',
      'campaign-worker',
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
          // The same metrics pushed over OTLP (protobuf) too, to the metrics store that scrapes them.
          METRICS_OTLP_ENDPOINT: backends.otlpMetricsEndpoint,
          METRICS_OTLP_INTERVAL_MS: '2000',
        });
      }
      await backends.start(Object.fromEntries([...p.processes].map(([name, s]) => [name, s.port])));
    };
    const c = complaintsClient(platform);
    let portal: ReturnType<typeof portalBrowser>;
    const person = people[0];
    const rightDay = daysAgo(19);

    beforeAll(async () => {
      await platform.start();
      portal = portalBrowser(platform);
    }, 600_000);
    afterAll(async () => {
      await portal?.close();
      platform.kill();
      backends.stop();
    });

    it('a complaint filed at the portal, accepted and corrected is one trace: the portal, filing, workflow, activities, the correction on Kafka, injections and certification', async () => {
      await c.recordDose(person, daysAgo(20));
      await eventually(async () => {
        const res = await c.call('GET', 'certification', `/certificates/${person.personId}`, c.staff());
        if (!res.body.certificate) throw new Error('no certificate yet');
      }, LONG);

      // The test is the browser: its filing request to the portal carries a traceparent, so the trace id is known.
      const trace = testTrace();
      const filing = await c.wrongDayFiling(person, rightDay);
      const filed = await portal.post(c.citizenOf(person), '/api/complaints', filing, {
        traceparent: trace.traceparent,
      });
      expect(filed.status).toBe(201);
      await c.waitUntilQueued(filing.complaintId);
      // While it waits at the site, the SLA gauges count it open at its unit.
      await eventually(async () => {
        const open = await backends.query('sum(complaints_sla_open{service="complaints"})');
        if (!(open[0]?.value >= 1)) throw new Error('not counted open yet');
      }, SLOW);
      expect((await c.acceptRightDay(filing.complaintId, rightDay)).status).toBe(200);
      await c.waitUntilClosed(person, filing.complaintId);

      const t = await traceWith(backends, trace, [
        ['portal', /^post \/api\/complaints$/i],
        ['complaints', /^post \/complaints$/i],
        ['complaints', /StartWorkflow:complaintLifecycleWorkflow/i],
        ['complaints-worker', /RunWorkflow:complaintLifecycleWorkflow/i],
        ['complaints-worker', /RunActivity:requestCorrection/i],
        ['complaints-worker', /^publish injections\.corrections\.v1$/],
        ['injections', /^process injections\.corrections\.v1$/],
        ['injections', /^publish injections\.events\.v1$/],
        ['certification', /^process injections\.events\.v1$/],
      ]);
      // Every span's parent is in the trace, but the root's: the portal's request, child of the test's client span.
      expect(t.orphans()).toEqual([]);
      expect(t.rootsUnder().map((s) => s.toLowerCase())).toEqual(['portal post /api/complaints']);
      expect(t.parentOf(t.one('complaints', /^post \/complaints$/i))).toMatchObject({
        localEndpoint: { serviceName: 'portal' },
      });
      // Across Kafka: each consumer span is the child of the producer span of the process that published.
      const correction = t.one('injections', /^process injections\.corrections\.v1$/);
      expect(correction.kind).toBe('CONSUMER');
      expect(t.parentOf(correction)).toMatchObject({
        kind: 'PRODUCER',
        localEndpoint: { serviceName: 'complaints-worker' },
      });
      const reissue = t.one('certification', /^process injections\.events\.v1$/);
      expect(t.parentOf(reissue)).toMatchObject({ kind: 'PRODUCER', localEndpoint: { serviceName: 'injections' } });
      // Across Temporal: the worker's workflow span descends from the complaints API's request, and that from the portal's.
      const workflow = t.one('complaints-worker', /RunWorkflow:complaintLifecycleWorkflow/i);
      expect(t.ancestors(workflow).map((s) => s.localEndpoint.serviceName)).toEqual(
        expect.arrayContaining(['complaints', 'portal']),
      );
      expect(t.ancestors(correction).map((s) => s.name)).toContain(workflow.name);
      // The span names say which route, never which person.
      expect(t.text()).not.toContain(person.idNumber);
      expect(t.text()).not.toContain(person.personId);
    }, 900_000);

    it('a dose recorded at the portal is one trace: the portal, injections, its event on the transport, certification', async () => {
      const p = people[2];
      const typed = { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth };
      const verification = await c.call('POST', 'identity', '/verifications', c.staff(), { typed });
      // Injections learns of the check from identity's events: until then the dose is refused, each try a trace of its own.
      const recorded = await eventually(async () => {
        const attempt = testTrace();
        const res = await portal.post(
          c.staff(),
          `/api/desk/records/${p.personId}/doses`,
          {
            doseId: randomUUID(),
            verificationId: verification.body.verificationId,
            vaccineCode: 'AZD1222',
            lotNumber: 'ABV0001',
            administeredOn: daysAgo(3),
            siteId: 'LC-TD-01',
          },
          { traceparent: attempt.traceparent },
        );
        if (res.status !== 201) throw new Error(`not recorded yet: ${res.status}`);
        return attempt;
      }, LONG);

      const t = await traceWith(backends, recorded, [
        ['portal', /^post \/api\/desk\/records\/:personId\/doses$/i],
        ['injections', /^post \/records\/:personId\/doses$/i],
        ['injections', /^publish injections\.events\.v1$/],
        ['certification', /^process injections\.events\.v1$/],
      ]);
      expect(t.orphans()).toEqual([]);
      expect(t.rootsUnder().map((s) => s.toLowerCase())).toEqual(['portal post /api/desk/records/:personid/doses']);
      const request = t.one('injections', /^post \/records\/:personId\/doses$/i);
      expect(t.parentOf(request)).toMatchObject({ localEndpoint: { serviceName: 'portal' } });
      // The event is published later, by the store's tail, from the traceparent stored with it.
      const published = t.one('injections', /^publish injections\.events\.v1$/);
      expect(t.ancestors(published)).toContainEqual(request);
      const issued = t.one('certification', /^process injections\.events\.v1$/);
      expect(issued.kind).toBe('CONSUMER');
      expect(t.parentOf(issued)).toBe(published);
      expect(t.text()).not.toContain(p.idNumber);
      expect(t.text()).not.toContain(p.personId);
    }, 600_000);

    it("a campaign's chunk is one trace: the portal's start, the workflow and its activity, identity's bulk matching over the transport, the answer back", async () => {
      const p = people[3];
      const [y, m, d] = p.dateOfBirth.split('-');
      const list = [
        'STT;Họ và tên;Ngày sinh;Giới tính;Số CCCD/CMND;Số điện thoại;Địa chỉ;Tên vắc xin;Số lô;Ngày tiêm;Mũi tiêm;Cơ sở tiêm chủng',
        `1;${p.fullName};${d}/${m}/${y};${p.gender === 'male' ? 'Nam' : 'Nữ'};${p.idNumber};;;AstraZeneca;ABV5811;12/08/2021;1;Trạm Y tế xã Bình Lư`,
        '',
      ].join('\r\n');
      const manager: CallerActor = { id: 'mgr-e2e', role: 'manager', scope: 'province:LC' };
      const imported = await fetch(
        platform.service('campaign').url('/campaigns/imports?name=trace.csv&preset=legacy-list.vi'),
        {
          method: 'POST',
          headers: { ...(await platform.actorHeaders(manager, 'campaign')), 'content-type': 'text/csv' },
          body: list,
        },
      );
      expect(imported.status).toBe(201);
      const { importId } = (await imported.json()) as { importId: string };

      const trace = testTrace();
      const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const started = await portal.post(
        manager,
        '/api/manager/campaigns',
        { name: 'Một dấu vết (e2e)', importIds: [importId], deadline },
        { traceparent: trace.traceparent },
      );
      expect(started.status).toBe(201);
      const chunkAnswered: [string, RegExp] = ['campaign', /^process identity\.bulk-results\.v2$/];
      await traceWith(backends, trace, [chunkAnswered], false);
      // The workflow then waits for the sites until its deadline; its own span is exported when it
      // ends, so the test stops the campaign once the chunk is answered.
      const cancelled = await fetch(
        platform.service('campaign').url(`/campaigns/${String(started.body.campaignId)}/cancel`),
        {
          method: 'POST',
          headers: { ...(await platform.actorHeaders(manager, 'campaign')), 'content-type': 'application/json' },
          body: JSON.stringify({ reason: 'dấu vết đã đủ (e2e)' }),
        },
      );
      expect(cancelled.status).toBe(202);

      const t = await traceWith(backends, trace, [
        ['portal', /^post \/api\/manager\/campaigns\/?$/i],
        ['campaign', /^post \/campaigns\/?$/i],
        ['campaign', /StartWorkflow:campaignWorkflow/i],
        ['campaign-worker', /RunWorkflow:campaignWorkflow/i],
        ['campaign-worker', /RunActivity:verifyChunk/i],
        ['campaign-worker', /^publish identity\.bulk-requests\.v2$/],
        ['identity', /^process identity\.bulk-requests\.v2$/],
        ['identity', /^publish identity\.bulk-results\.v2$/],
        chunkAnswered,
      ]);
      expect(t.orphans()).toEqual([]);
      expect(t.rootsUnder().map((s) => s.toLowerCase())).toEqual([
        expect.stringMatching(/^portal post \/api\/manager\/campaigns\/?$/),
      ]);
      const chunk = t.one('campaign-worker', /RunActivity:verifyChunk/i);
      const workflow = t.one('campaign-worker', /RunWorkflow:campaignWorkflow/i);
      expect(t.ancestors(chunk)).toContainEqual(workflow);
      expect(t.ancestors(workflow).map((s) => s.localEndpoint.serviceName)).toEqual(
        expect.arrayContaining(['campaign', 'portal']),
      );
      const request = t.one('campaign-worker', /^publish identity\.bulk-requests\.v2$/);
      expect(t.ancestors(request)).toContainEqual(chunk);
      const matching = t.one('identity', /^process identity\.bulk-requests\.v2$/);
      expect(matching.kind).toBe('CONSUMER');
      expect(t.parentOf(matching)).toBe(request);
      const answer = t.one('campaign', /^process identity\.bulk-results\.v2$/);
      expect(t.parentOf(answer)).toMatchObject({ kind: 'PRODUCER', localEndpoint: { serviceName: 'identity' } });
      expect(t.ancestors(answer)).toContainEqual(matching);
      expect(t.text()).not.toContain(p.idNumber);
      expect(t.text()).not.toContain(p.personId);
    }, 600_000);

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

    it('every process also pushes its metrics over OTLP: the store holds them with the OTLP scope, which scraped series lack', async () => {
      const pushed = await eventually(async () => {
        const found = await backends.query('process_cpu_seconds_total{scope.name="prom-client"}');
        if (found.length < platform.processes.size) throw new Error(`${found.length} processes have pushed so far`);
        return found;
      }, SLOW);
      expect(pushed.map((s) => s.metric['service.name']).sort()).toEqual(
        [...new Set(pushed.map((s) => s.metric.service))].sort(),
      );
      expect(pushed).toHaveLength(platform.processes.size);
      const latency = await backends.query(
        'http_request_duration_seconds_count{scope.name="prom-client",service="complaints",route="/complaints"}',
      );
      expect(latency.map((s) => s.value)).toEqual([expect.any(Number)]);
      expect(latency[0].value).toBeGreaterThan(0);
    }, 600_000);
  },
);
