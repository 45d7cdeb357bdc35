import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

/** deploy/postgres/server-settings.json as `-c name=value` flags: the same server log rules everywhere. */
export function postgresServerFlags(): string[] {
  const settings = JSON.parse(readFileSync(join(REPO_ROOT, 'deploy/postgres/server-settings.json'), 'utf8')) as Record<
    string,
    string
  >;
  return Object.entries(settings)
    .filter(([name]) => name !== '//')
    .flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}
