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
