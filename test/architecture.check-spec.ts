import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@vax/testing';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

// dependency-cruiser is ESM-only, so it runs as its own CLI process and answers in JSON.
async function violationsIn(cwd: string, roots: string[]): Promise<string[]> {
  const args = ['--config', join(REPO_ROOT, '.dependency-cruiser.js'), '--output-type', 'json', ...roots];
  const { stdout } = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/depcruise'), args, {
    cwd,
    maxBuffer: 50 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('architecture rules (dependency-cruiser)', () => {
  it('hold for every service and library', async () => {
    expect(await violationsIn(REPO_ROOT, ['libs', 'services'])).toEqual([]);
  }, 60_000);

  it('catch a domain importing a framework or I/O, a service reaching into another, and a workflow importing the client', async () => {
    const violations = await violationsIn(join(REPO_ROOT, 'test/fixtures/architecture'), ['services']);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^domain-is-pure: services\/alpha\/src\/domain\/alpha\.decider\.ts -> .*@nestjs\/common/),
        'domain-has-no-io: services/alpha/src/domain/alpha.decider.ts -> fs',
        'no-reaching-into-another-service: services/beta/src/workflows/beta.workflow.ts -> services/alpha/src/domain/alpha.decider.ts',
        expect.stringMatching(
          /^workflows-are-deterministic: services\/beta\/src\/workflows\/beta\.workflow\.ts -> .*@temporalio\/client/,
        ),
      ]),
    );
  }, 60_000);

  it('catch a use case importing a database, broker or Temporal client or an adapter, and a domain importing the application', async () => {
    const violations = await violationsIn(join(REPO_ROOT, 'test/fixtures/architecture'), ['services']);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^application-has-no-infrastructure: services\/alpha\/src\/application\/alpha\.service\.ts -> .*node_modules\/pg\//,
        ),
        'application-does-not-import-adapters: services/alpha/src/application/alpha.service.ts -> services/alpha/src/adapters/postgres/alpha.repository.ts',
        'domain-imports-only-domain: services/alpha/src/domain/alpha.policy.ts -> services/alpha/src/application/alpha.service.ts',
      ]),
    );
  }, 60_000);
});
