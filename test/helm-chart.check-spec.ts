import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@vax/testing';
import { parseAllDocuments } from 'yaml';

// The Helm chart (deploy/helm/vax-platform), linted and rendered with helm built by
// deploy/local/helm.sh (npm test builds it first), and held to what running for real needs.

const CHART = join(REPO_ROOT, 'deploy/helm/vax-platform');
const helm = (...args: string[]) =>
  execFileSync(execFileSync(join(REPO_ROOT, 'deploy/local/helm.sh'), ['path'], { encoding: 'utf8' }).trim(), args, {
    encoding: 'utf8',
  });

interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
type Container = {
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string> };
};

describe('the Helm chart', () => {
  let objects: K8sObject[];
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const containerOf = (d: K8sObject) =>
    (d.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0];

  beforeAll(() => {
    objects = parseAllDocuments(helm('template', 'vax', CHART))
      .map((d) => d.toJSON() as K8sObject)
      .filter(Boolean);
  }, 300_000);

  it('passes helm lint', () => {
    expect(helm('lint', CHART)).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it('runs every process of the platform as a Deployment of at least two replicas', () => {
    const deployments = ofKind('Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(
      [
        'campaign',
        'campaign-worker',
        'certification',
        'complaints',
        'complaints-worker',
        'identity',
        'injections',
        'portal',
      ].sort(),
    );
    for (const d of deployments) expect({ [d.metadata.name]: d.spec!.replicas }).toEqual({ [d.metadata.name]: 2 });
  });

  it('checks readiness and liveness on the health routes, and requests resources', () => {
    for (const d of ofKind('Deployment')) {
      const c = containerOf(d);
      expect({
        name: d.metadata.name,
        ready: c.readinessProbe?.httpGet?.path,
        live: c.livenessProbe?.httpGet?.path,
      }).toEqual({ name: d.metadata.name, ready: '/health/ready', live: '/health/live' });
      expect(c.resources?.requests).toEqual(
        expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
      );
    }
  });

  it('keeps one replica of each process up while nodes drain (a PodDisruptionBudget each)', () => {
    const budgets = new Map(
      ofKind('PodDisruptionBudget').map((p) => [p.metadata.name, p.spec as { minAvailable: number }]),
    );
    for (const d of ofKind('Deployment')) expect(budgets.get(d.metadata.name)?.minAvailable).toBe(1);
  });

  it('traces every process under its own name, with the preload and a share of traces set in values', () => {
    const settings = new Map(ofKind('ConfigMap').map((m) => [m.metadata.name, m.data ?? {}]));
    for (const d of ofKind('Deployment')) {
      const name = d.metadata.name;
      expect({ name, ...settings.get(`${name}-settings`) }).toMatchObject({
        name,
        TRACING_ENABLED: 'true',
        TRACING_EXPORTER: 'zipkin',
        TRACING_ENDPOINT: 'http://zipkin:9411/api/v2/spans',
        TRACING_SAMPLE_RATIO: '0.1',
        OTEL_SERVICE_NAME: name,
      });
      const command = containerOf(d).command ?? [];
      // The preload must come before the entry point, or nothing it instruments is patched.
      expect(command.indexOf('./dist/libs/platform/src/tracing/tracing.register.js')).toBe(
        command.indexOf('--require') + 1,
      );
      expect(command.indexOf('--require')).toBeGreaterThan(0);
      expect(command.at(-1)).toMatch(/^dist\/services\/.+\.js$/);
    }
    const sampled = parseAllDocuments(helm('template', 'vax', CHART, '--set', 'tracing.sampleRatio=0.02'))
      .map((doc) => doc.toJSON() as K8sObject)
      .filter((o) => o?.kind === 'ConfigMap' && o.metadata.name.endsWith('-settings'));
    expect(new Set(sampled.map((m) => m.data?.TRACING_SAMPLE_RATIO))).toEqual(new Set(['0.02']));
  });

  it('runs in the production profile, and puts no secret in a ConfigMap or a plain env value', () => {
    const secretish = /SECRET|PASSWORD|API_KEY|PRIVATE_KEY$|DATABASE_URL/;
    for (const map of ofKind('ConfigMap')) {
      const data = map.data ?? {};
      if (map.metadata.name.endsWith('-settings')) expect(data.NODE_ENV).toBe('production');
      for (const [key, value] of Object.entries(data)) {
        expect({ map: map.metadata.name, key, secret: secretish.test(key) }).toEqual({
          map: map.metadata.name,
          key,
          secret: false,
        });
        expect(value).not.toMatch(/-----BEGIN|"d"\s*:|postgres(ql)?:\/\/[^/\s]*:[^@/\s]*@/);
      }
    }
    for (const d of ofKind('Deployment')) {
      for (const variable of containerOf(d).env ?? []) {
        if (secretish.test(variable.name))
          expect({ [variable.name]: variable.valueFrom }).toEqual({ [variable.name]: expect.anything() });
      }
    }
  });
});
