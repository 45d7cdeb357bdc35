import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@vax/testing';

interface NestProject {
  type: 'application' | 'library';
  root: string;
  entryFile: string;
  sourceRoot: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as T;
const dirs = (parent: string): string[] =>
  readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

// Every process is a `*main.ts` at the top of a service's src/ (main.ts, worker.main.ts).
function processEntries(): string[] {
  return dirs('services').flatMap((service) =>
    readdirSync(join(REPO_ROOT, 'services', service, 'src'))
      .filter((file) => /(^|\.)main\.ts$/.test(file))
      .map((file) => `services/${service}/src/${file.replace(/\.ts$/, '')}`),
  );
}

describe('project manifests', () => {
  const projects = Object.values(readJson<{ projects: Record<string, NestProject> }>('nest-cli.json').projects);
  const entriesOf = (type: NestProject['type']): string[] =>
    projects.filter((project) => project.type === type).map((p) => `${p.sourceRoot}/${p.entryFile}`);

  it('nest-cli.json lists every process of every service', () => {
    expect(entriesOf('application').sort()).toEqual(processEntries().sort());
  });

  it('nest-cli.json lists every library', () => {
    expect(entriesOf('library').sort()).toEqual(
      dirs('libs')
        .map((lib) => `libs/${lib}/src/index`)
        .sort(),
    );
  });

  it('keeps type packages out of the runtime dependencies', () => {
    const { dependencies } = readJson<{ dependencies: Record<string, string> }>('package.json');
    expect(Object.keys(dependencies).filter((name) => name.startsWith('@types/'))).toEqual([]);
  });

  it('pins no platform-specific binary package as a required dependency', () => {
    const { dependencies } = readJson<{ dependencies: Record<string, string> }>('package.json');
    const platformSpecific = Object.keys(dependencies).filter((name) =>
      /(linux|darwin|win32|windows)-(x64|arm64|arm|ia32)/.test(name),
    );
    expect(platformSpecific).toEqual([]);
  });
});
