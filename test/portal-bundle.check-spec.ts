import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { REPO_ROOT } from '@vax/testing';

// The portal as the build ships it to phones (scripts/bundle-portal.js): one minified script and one
// style sheet, named by their content's hash, and an index.html that loads them and nothing else.

describe('the portal bundle', () => {
  const out = mkdtempSync(join(tmpdir(), 'portal-bundle-'));
  let html: string;
  let built: string[];

  beforeAll(() => {
    cpSync(join(REPO_ROOT, 'services/portal/src/web/public'), out, { recursive: true });
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle-portal.js'), out], { stdio: 'pipe' });
    html = readFileSync(join(out, 'index.html'), 'utf8');
    built = readdirSync(join(out, 'build'));
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('names one script and one style sheet by content hash, and the page loads exactly those', () => {
    expect(built).toEqual([
      expect.stringMatching(/^app-[A-Z0-9]{8}\.js$/),
      expect.stringMatching(/^portal-[A-Z0-9]{8}\.css$/),
    ]);
    const script = built.find((f) => f.endsWith('.js'));
    const styles = built.find((f) => f.endsWith('.css'));
    expect(html).toContain(`<script type="module" src="/assets/build/${script}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/assets/build/${styles}" />`);
    expect(html).not.toMatch(/modulepreload|\/assets\/js\/|\/assets\/portal\.css/);
    expect(existsSync(join(out, 'js'))).toBe(false); // the separate modules are not shipped
  });

  it('carries every view in the one script (no second round trip for the route), minified', () => {
    const script = readFileSync(
      join(
        out,
        'build',
        built.find((f) => f.endsWith('.js'))!,
      ),
      'utf8',
    );
    expect(script).not.toMatch(/import\(["']\.\/views\//);
    for (const text of ['#/citizen', '#/desk', '#/queue', '#/complaints/new', '#/manager'])
      expect(script).toContain(text);
    expect(script.split('\n').length).toBeLessThan(5);
    // Small enough for a 3G phone: well under a second at 400 kbit/s once compressed.
    expect(brotliCompressSync(script).length).toBeLessThan(25_000);
  });

  it("names the same content the same way (a rebuild keeps phones' caches)", () => {
    const again = mkdtempSync(join(tmpdir(), 'portal-bundle-'));
    cpSync(join(REPO_ROOT, 'services/portal/src/web/public'), again, { recursive: true });
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/bundle-portal.js'), again], { stdio: 'pipe' });
    expect(readdirSync(join(again, 'build'))).toEqual(built);
    rmSync(again, { recursive: true, force: true });
  }, 60_000);
});
