import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

/** Stops and starts the local Kafka broker through the project's own script (local-processes only). */
export const localKafka = {
  stop: () => execFileSync(join(REPO_ROOT, 'deploy/local/kafka.sh'), ['down'], { stdio: 'inherit' }),
  start: () => execFileSync(join(REPO_ROOT, 'deploy/local/kafka.sh'), ['up'], { stdio: 'inherit' }),
};
