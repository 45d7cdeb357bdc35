import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'published-contracts.json'), 'utf8')) as Record<string, string>;
const versioned = Object.entries(manifest).filter(([file]) => !file.startsWith('$'));
const published = versioned.filter(([, hash]) => hash !== 'draft');

/** The topics the platform creates (deploy/kafka/topics.json): a contract on one of them is in use. */
const topicsInUse = new Set(
  (
    JSON.parse(readFileSync(join(ROOT, '..', '..', 'deploy', 'kafka', 'topics.json'), 'utf8')) as {
      topics: { name: string }[];
    }
  ).topics.map((t) => t.name),
);
const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const topicOf = (file: string) => /defineContract\(\s*'([^']+)'/.exec(source(file))?.[1];
/** The versioned files a contract file imports (its shared rules, the types it reuses). */
const versionedImports = (file: string) =>
  [...source(file).matchAll(/from '(\.\.?\/[^']+)'/g)]
    .map((m) => relative(ROOT, join(ROOT, dirname(file), `${m[1]}.ts`)))
    .filter((imported) => imported in manifest);

function contractFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return contractFiles(path);
    return /\.v\d+\.ts$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

describe('published contracts never change', () => {
  it.each(published)('%s is byte for byte as published', (file, hash) => {
    expect(
      createHash('sha256')
        .update(readFileSync(join(ROOT, file)))
        .digest('hex'),
    ).toBe(hash);
  });

  it('holds every contract on a topic the platform creates as published, not as a draft', () => {
    const drafts = versioned.filter(([file, hash]) => hash === 'draft' && topicsInUse.has(topicOf(file) ?? ''));
    expect(drafts.map(([file]) => file)).toEqual([]);
  });

  it('holds what a published contract imports as published too, so it cannot change underneath', () => {
    const draftImports = published.flatMap(([file]) =>
      versionedImports(file)
        .filter((imported) => manifest[imported] === 'draft')
        .map((imported) => `${file} imports ${imported}`),
    );
    expect(draftImports).toEqual([]);
  });

  it('lists every versioned contract file in the manifest', () => {
    expect(contractFiles(join(ROOT, 'src')).sort()).toEqual(versioned.map(([file]) => file).sort());
  });
});
