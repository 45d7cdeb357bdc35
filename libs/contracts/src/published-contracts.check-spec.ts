import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'published-contracts.json'), 'utf8')) as Record<string, string>;
const versioned = Object.entries(manifest).filter(([file]) => !file.startsWith('$'));
const published = versioned.filter(([, hash]) => hash !== 'draft');

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

  it('lists every versioned contract file in the manifest', () => {
    expect(contractFiles(join(ROOT, 'src')).sort()).toEqual(versioned.map(([file]) => file).sort());
  });
});
