import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@vax/testing';

// The alerting rules (deploy/observability/alerts), checked and unit-tested by promtool, which
// deploy/local/observability.sh builds with go install (npm test builds it first).

const ALERTS = join(REPO_ROOT, 'deploy/observability/alerts');
let promtoolPath: string;
const promtool = (...args: string[]) =>
  execFileSync(promtoolPath, args, { cwd: ALERTS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the alerting rules', () => {
  beforeAll(() => {
    promtoolPath = execFileSync(join(REPO_ROOT, 'deploy/local/observability.sh'), ['promtool'], {
      encoding: 'utf8',
    }).trim();
  }, 600_000);

  it('pass promtool check rules', () => {
    expect(promtool('check', 'rules', 'platform.rules.yml')).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('fire as their unit tests say (promtool test rules)', () => {
    expect(promtool('test', 'rules', 'platform.rules.test.yml')).toMatch(/SUCCESS/);
  });

  it('fail the unit tests when a rule no longer fires as expected', () => {
    // A test file that asserts nothing would pass anything: a wrong expectation must be caught.
    const broken = readFileSync(join(ALERTS, 'platform.rules.test.yml'), 'utf8')
      .replace('eval_time: 8m', 'eval_time: 3m')
      .replace('[platform.rules.yml]', `[${join(ALERTS, 'platform.rules.yml')}]`);
    const file = join(tmpdir(), `rules-${process.pid}.test.yml`);
    writeFileSync(file, broken);
    let output = '';
    try {
      promtool('test', 'rules', file);
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    expect(output).toMatch(/FAILED/);
    expect(output).toMatch(/ComplaintSlaBreached/);
  });
});
