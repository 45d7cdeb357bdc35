import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

const VERSION = '1.31.0';

/**
 * The path of an executable that starts Temporal's Java time-skipping test server; the SDK runs it
 * with the port as its first argument (`server.executable: { type: 'existing-path', path }`).
 * The jars come from Maven Central once, into the cache; the SDK's own download cannot work offline.
 */
export function timeSkippingServerExecutable(): string {
  const cache =
    process.env.VAX_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vax-platform');
  const home = join(cache, `temporal-test-server-${VERSION}`);
  const launcher = join(home, 'temporal-test-server');
  if (existsSync(join(home, 'libs', '.complete')) && existsSync(launcher)) return launcher;
  mkdirSync(join(home, 'libs'), { recursive: true });
  execFileSync(
    'mvn',
    [
      '-B',
      '-ntp',
      '-q',
      '-f',
      join(REPO_ROOT, 'deploy/temporal-test-server/pom.xml'),
      `-Dtemporal.version=${VERSION}`,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${join(home, 'libs')}`,
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(
    launcher,
    `#!/bin/sh\n# Started by the Temporal SDK with the port as first argument.\nexec java -Xmx512m -cp "${join(home, 'libs')}/*" io.temporal.testserver.TestServer "$@"\n`,
  );
  chmodSync(launcher, 0o755);
  writeFileSync(join(home, 'libs', '.complete'), VERSION);
  return launcher;
}
