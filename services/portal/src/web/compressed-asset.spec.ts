import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CompressedAssets, encodingFor } from './compressed-asset';

describe('compressed web assets', () => {
  it('picks brotli, then gzip, and honours q=0', () => {
    expect(encodingFor('gzip, deflate, br, zstd')).toBe('br');
    expect(encodingFor('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(encodingFor('identity')).toBeNull();
    expect(encodingFor(undefined)).toBeNull();
  });

  it('compresses text assets under the root only, and what it sends unpacks to the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'assets-'));
    const script = 'export const x = 1;\n'.repeat(200);
    writeFileSync(join(root, 'app.js'), script);
    writeFileSync(join(root, '.secret.js'), 'no');
    const assets = new CompressedAssets(root);

    const br = await assets.get('app.js', 'br');
    const gzip = await assets.get('app.js', 'gzip');

    expect(brotliDecompressSync(br!.body).toString()).toBe(script);
    expect(gunzipSync(gzip!.body).toString()).toBe(script);
    expect(br!.body.length).toBeLessThan(script.length / 10);
    expect(br!.type).toMatch(/^text\/javascript/);
    expect(await assets.get('../etc/passwd.js', 'br')).toBeNull();
    expect(await assets.get('.secret.js', 'br')).toBeNull();
    expect(await assets.get('photo.png', 'br')).toBeNull();
    expect(await assets.get('missing.js', 'br')).toBeNull();
  });
});
