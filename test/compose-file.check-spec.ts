import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLATFORM_PROCESSES, REPO_ROOT } from '@vax/testing';

// docker-compose.yml, alone and with deploy/docker/replicas.yml, loaded by the Compose
// Specification's own loader (compose-go, what `docker compose` loads files with; built by
// deploy/local/compose-spec.sh, npm test builds it first). No Docker engine runs here, so the stack
// is never started in these checks: they hold the loaded model to what running every process as
// replicas needs. Interpolation is left out: the loader's command does not pass the environment
// through, and the required secrets would otherwise stop it.

interface ComposeService {
  command?: string[];
  container_name?: string;
  deploy?: { replicas?: number } | null;
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[] };
  ports?: { published?: string; target: number }[];
}
interface ComposeModel {
  services: Record<string, ComposeService>;
}

const validator = () =>
  execFileSync(join(REPO_ROOT, 'deploy/local/compose-spec.sh'), ['path'], { encoding: 'utf8' }).trim();
const load = (...files: string[]): ComposeModel =>
  JSON.parse(
    execFileSync(validator(), ['--format', 'json', '--no-interpolation', ...files], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as ComposeModel;

/** How many host ports a published entry offers: "3000" is one, "3000-3001" two. */
const hostPorts = (published: string) => {
  const [from, to = from] = published.split('-').map(Number);
  return to - from + 1;
};
/** The compiled files a service names (its command, its settings), as the sources they come from. */
const distFilesOf = (service: ComposeService) =>
  [...(service.command ?? []), ...Object.values(service.environment ?? {})]
    .flatMap((value) => String(value ?? '').match(/(?:^|[=\s./])(dist\/[\w./-]+\.(?:json|js))/g) ?? [])
    .map((match) => match.replace(/^.*?(dist\/)/, '$1'));
const sourceOf = (distFile: string) => distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');

describe('docker-compose.yml, as the Compose Specification loads it', () => {
  let single: ComposeModel;
  let replicated: ComposeModel;

  beforeAll(() => {
    single = load('docker-compose.yml');
    replicated = load('docker-compose.yml', 'deploy/docker/replicas.yml');
  }, 300_000);

  it('refuses a file that breaks the specification (the loader validates, it does not only parse)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    writeFileSync(join(dir, 'broken.yml'), 'services:\n  a:\n    image: x\n    deploy: { replica: 2 }\n');
    expect(() => execFileSync(validator(), ['--no-interpolation', join(dir, 'broken.yml')], { stdio: 'pipe' })).toThrow(
      /services\.a\.deploy/,
    );
  });

  it('runs every process of the platform, with the replicas file as two replicas each', () => {
    for (const name of PLATFORM_PROCESSES) {
      expect({ [name]: single.services[name]?.deploy?.replicas ?? 1 }).toEqual({ [name]: 1 });
      expect({ [name]: replicated.services[name]?.deploy?.replicas }).toEqual({ [name]: 2 });
    }
  });

  it('gives a replicated process nothing two containers cannot share: no fixed name, no single host port', () => {
    for (const name of PLATFORM_PROCESSES) {
      const service = replicated.services[name];
      expect({ [name]: service.container_name }).toEqual({ [name]: undefined });
      for (const port of service.ports ?? [])
        expect({ [name]: hostPorts(port.published ?? '0') >= 2 || port.published === undefined }).toEqual({
          [name]: true,
        });
    }
  });

  it('checks every process by its readiness route, as the chart and the local balancer do', () => {
    for (const name of PLATFORM_PROCESSES)
      expect({ [name]: replicated.services[name].healthcheck?.test?.join(' ') }).toEqual({
        [name]: expect.stringContaining('/health/ready'),
      });
  });

  it('names only compiled files whose sources exist (a moved file fails here, not in the container)', () => {
    const named = Object.entries(replicated.services).flatMap(([name, service]) =>
      distFilesOf(service).map((file) => ({ name, file })),
    );
    expect(named.length).toBeGreaterThanOrEqual(PLATFORM_PROCESSES.length);
    for (const { name, file } of named)
      expect({ [name]: file, exists: existsSync(join(REPO_ROOT, sourceOf(file))) }).toEqual({
        [name]: file,
        exists: true,
      });
  });
});
